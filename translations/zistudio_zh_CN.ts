<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>ZiStudio</source>
        <translation>ZiStudio</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation>保存窗口截图后退出。</translation>
    </message>
    <message>
        <source>The project file to open.</source>
        <translation>要打开的项目文件。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AboutDialog</name>
    <message>
        <source>About ZiStudio</source>
        <translation>关于 ZiStudio</translation>
    </message>
    <message>
        <source>ZiStudio %1
LibTorch %2
FreeType %3
HarfBuzz %4
Qt %5
Device: %6</source>
        <translation>ZiStudio %1
LibTorch %2
FreeType %3
HarfBuzz %4
Qt %5
计算设备：%6</translation>
    </message>
    <message>
        <source>Train a neural network to draw the CJK glyphs you have not drawn yet, see what its attention layers look at, and export the result as a font.</source>
        <translation>训练神经网络，画出您尚未绘制的中日韩字形，观察其注意力层关注之处，并将结果导出为字体。</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>依据 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MainWindow</name>
    <message>
        <source>Attention heatmaps appear here once a model is trained.</source>
        <translation>模型训练后，注意力热图会显示在这里。</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Generated glyphs appear here beside the target fonts.</source>
        <translation>生成的字形会与目标字体并排显示在这里。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Runs with different attention placements are compared here.</source>
        <translation>不同注意力配置的训练在此比较。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>ZiStudio started on %1</source>
        <translation>ZiStudio 已在 %1 上启动</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>尚未打开项目。</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Add a source font and target fonts.</source>
        <translation>添加源字体与目标字体。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Choose the characters to train on.</source>
        <translation>选择要训练的字符。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model size and attention placement.</source>
        <translation>模型大小与注意力配置。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Start a run to see its curves.</source>
        <translation>开始训练以查看曲线。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dark Palette</source>
        <translation>深色配色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ZiStudio</source>
        <translation>关于 ZiStudio(&amp;A)</translation>
    </message>
    <message>
        <source>ZiStudio</source>
        <translation>ZiStudio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies the next time ZiStudio starts.</source>
        <translation>新语言将在下次启动 ZiStudio 时生效。</translation>
    </message>
</context>
</TS>