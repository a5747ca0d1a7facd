<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppSettings</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>找不到：%1</translation>
    </message>
</context>
<context>
    <name>CharsetChooser</name>
    <message>
        <source>GB2312 (Simplified Chinese)</source>
        <translation>GB2312（简体中文）</translation>
    </message>
    <message>
        <source>GB2312 level 1 (common Simplified Chinese)</source>
        <translation>GB2312 一级字（常用简体中文）</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Big5 common (Traditional Chinese)</source>
        <translation>Big5 常用字（繁体中文）</translation>
    </message>
    <message>
        <source>JIS X 0208 kanji (Japanese)</source>
        <translation>JIS X 0208 汉字（日文）</translation>
    </message>
    <message>
        <source>Jōyō kanji (Japanese)</source>
        <translation>常用汉字（日文）</translation>
    </message>
    <message>
        <source>KS X 1001 Hangul (Korean)</source>
        <translation>KS X 1001 谚文（韩文）</translation>
    </message>
</context>
<context>
    <name>DatasetBuilder</name>
    <message>
        <source>not in font</source>
        <translation>字体中没有</translation>
    </message>
    <message>
        <source>empty outline</source>
        <translation>空白轮廓</translation>
    </message>
    <message>
        <source>repeated (tofu)</source>
        <translation>重复（豆腐字）</translation>
    </message>
    <message>
        <source>damaged glyph</source>
        <translation>字形损坏</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>没有图像</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>%1 training pairs, %2 validation pairs (%3 held-out characters), %4 images%5</source>
        <translation>%1 组训练字对、%2 组验证字对（保留 %3 个字符）、%4 张图像%5</translation>
    </message>
    <message>
        <source> — unchanged, reused</source>
        <translation> — 未更改，沿用</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters, %4 repeated</source>
        <translation>%1：%3 个字符中有 %2 个，%4 个重复</translation>
    </message>
    <message>
        <source>%1: %2 pairs (%3 train, %4 validation), %5 missing, %6 repeated, %7 problem files</source>
        <translation>%1：%2 组字对（训练 %3、验证 %4），缺 %5 个，重复 %6 个，问题文件 %7 个</translation>
    </message>
</context>
<context>
    <name>DatasetCheck</name>
    <message>
        <source>not in font</source>
        <translation>字体中没有</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters</source>
        <translation>%1：%3 个字符中有 %2 个</translation>
    </message>
    <message>
        <source>%1: drawn images, counted when built</source>
        <translation>%1：手绘图像，构建时计数</translation>
    </message>
    <message>
        <source>Left out: %1 characters not in every font</source>
        <translation>已略去：%1 个并非每个字体都有的字</translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <source>%1 is missing</source>
        <translation>找不到 %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>无法将 %1 复制到 %2</translation>
    </message>
</context>
<context>
    <name>FontScan</name>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>No source font chosen.</source>
        <translation>尚未选择源字体。</translation>
    </message>
</context>
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
    <message>
        <source>The demo project (share/zistudio/demo) is not installed.</source>
        <translation>未安装示例项目（share/zistudio/demo）。</translation>
    </message>
    <message>
        <source>The demo project could not be copied: %1</source>
        <translation>无法复制示例项目：%1</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshot (default 1.5).</source>
        <translation>截图前等待的秒数（默认 1.5）。</translation>
    </message>
    <message>
        <source>Benchmark: train cpu-64 on the demo for this many seconds and report the longest event-loop stall.</source>
        <translation>性能测试：用示例项目训练 cpu-64 指定秒数，并报告事件循环最长的停顿。</translation>
    </message>
    <message>
        <source>Where --measure-stalls writes its JSON result.</source>
        <translation>--measure-stalls 写入 JSON 结果的位置。</translation>
    </message>
    <message>
        <source>Use the dark palette.</source>
        <translation>使用深色配色。</translation>
    </message>
    <message>
        <source>Raise this panel or view first: project, fonts, dataset, model, training, log, attention, preview, compare, or export (the Export dialog; may be repeated).</source>
        <translation>先显示此面板或视图：project、fonts、dataset、model、training、log、attention、preview、compare 或 export（导出对话框；可重复）。</translation>
    </message>
    <message>
        <source>Open a saved study (zistudio-cli compare --save) in the Compare tab.</source>
        <translation>在“比较”标签页打开已保存的研究（zistudio-cli compare --save）。</translation>
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
    <name>zistudio::ui::AttentionMatrixModel</name>
    <message>
        <source>A 1×1 map has a single position: attention here has nothing to attend to.</source>
        <translation>1×1 的特征图只有一个位置：此处的注意力没有可关注的对象。</translation>
    </message>
    <message>
        <source>Self-attention over %1 positions of %2 channels</source>
        <translation>在 %1 个位置、%2 个通道上的自注意力</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>1 = the first down-sampling, the last = the bottleneck</source>
        <translation>1 = 第一次下采样，最后一层 = 瓶颈层</translation>
    </message>
    <message>
        <source>Size of the feature map at this depth</source>
        <translation>此深度的特征图尺寸</translation>
    </message>
    <message>
        <source>Channels the encoder and the decoder attend over at this depth</source>
        <translation>此深度编码器与解码器注意力所覆盖的通道数</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Self-attention after the encoder's down-sampling at this depth</source>
        <translation>在此深度编码器下采样之后的自注意力</translation>
    </message>
    <message>
        <source>Self-attention after the decoder's skip fusion at this depth</source>
        <translation>在此深度解码器跳跃连接融合之后的自注意力</translation>
    </message>
    <message>
        <source>FLOPs of this depth's attention layers in one forward pass of the batch</source>
        <translation>此深度注意力层在一次批次前向传播中的 FLOPs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Memory of this depth's attention matrices for the batch</source>
        <translation>此深度注意力矩阵在整个批次所需的内存</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Trained on the CPU, a block of rows at a time: its matrix is never built, and the training memory estimate leaves it out.</source>
        <translation>在 CPU 上训练时一次处理一块行：不会建立其矩阵，训练内存估计也不计入。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AttentionView</name>
    <message>
        <source>Click or drag on the glyph: where the selected layer looks from that point.</source>
        <translation>在字形上点击或拖动：所选层从该点看向何处。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Train a run to see where its attention layers look.</source>
        <translation>先训练一次，才能看到其注意力层关注之处。</translation>
    </message>
    <message>
        <source>Type a character, or pick one of the run's sample or validation characters.</source>
        <translation>输入一个字符，或从此训练的样本字符或验证字符中挑选。</translation>
    </message>
    <message>
        <source>C&amp;haracter:</source>
        <translation>字符(&amp;H)：</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>风格(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Point</source>
        <translation>点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stroke mean</source>
        <translation>笔画平均(&amp;S)</translation>
    </message>
    <message>
        <source>Where the clicked position looks</source>
        <translation>所点位置看向何处</translation>
    </message>
    <message>
        <source>The mean over every ink position of the glyph</source>
        <translation>字形所有笔墨位置的平均</translation>
    </message>
    <message>
        <source>over the generated glyph</source>
        <translation>叠在生成的字形上</translation>
    </message>
    <message>
        <source>over the source glyph</source>
        <translation>叠在源字形上</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>热图不透明度</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Save the selected layer's heatmap as a PNG image</source>
        <translation>将所选层的热图保存为 PNG 图像</translation>
    </message>
    <message>
        <source>Heat:</source>
        <translation>热图：</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Attention: %1</source>
        <translation>注意力：%1</translation>
    </message>
    <message>
        <source>Run “%1” has no attention layers: switch some on in the Model panel and train a new run.</source>
        <translation>训练“%1”没有注意力层：请在模型面板中开启一些，然后开始新的训练。</translation>
    </message>
    <message>
        <source>Blend the two styles: left is pure style A, right pure style B.</source>
        <translation>混合两种风格：最左为纯风格 A，最右为纯风格 B。</translation>
    </message>
    <message>
        <source>This run learns one style: there is nothing to blend.</source>
        <translation>此训练只学习一种风格：没有可混合的对象。</translation>
    </message>
    <message>
        <source>live from the training run, step %1</source>
        <translation>实时取自训练中的模型，第 %1 步</translation>
    </message>
    <message>
        <source>checkpoint step %1</source>
        <translation>检查点第 %1 步</translation>
    </message>
    <message>
        <source>%1 attention layer(s)</source>
        <translation>%1 个注意力层</translation>
    </message>
    <message>
        <source>probe %1 ms</source>
        <translation>探测 %1 毫秒</translation>
    </message>
    <message>
        <source>heatmaps of the dominant style</source>
        <translation>热图取自权重最大的风格</translation>
    </message>
    <message>
        <source>source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>target: none</source>
        <translation>目标：无</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · γ %4</source>
        <translation>%1 · %2×%3 · γ %4</translation>
    </message>
    <message>
        <source>A 1×1 map: one position, nothing to attend to.</source>
        <translation>1×1 的特征图：只有一个位置，无从关注。</translation>
    </message>
    <message>
        <source>γ ≈ 0: this layer adds (almost) nothing to its input yet.</source>
        <translation>γ ≈ 0：此层目前（几乎）没有对输入加入任何内容。</translation>
    </message>
    <message>
        <source>γ scales what the layer adds to its input.</source>
        <translation>γ 决定此层对输入加入内容的比重。</translation>
    </message>
    <message>
        <source>there is no heatmap to save yet</source>
        <translation>目前还没有可保存的热图</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save Heatmap</source>
        <translation>保存热图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved the heatmap to %1</source>
        <translation>已将热图保存至 %1</translation>
    </message>
    <message>
        <source>Could not save the heatmap: %1</source>
        <translation>无法保存热图：%1</translation>
    </message>
    <message>
        <source>1 position</source>
        <translation>仅 1 个位置</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>This run has no attention layers (its placement is “none”), so there is no map to show; the glyphs on the left are still its own. Runs trained with attention layers (Model panel → Self-attention per depth) show here where each layer looks.</source>
        <translation>这个训练没有注意力层（其配置为“none”），因此没有可显示的图；左侧的字形仍是它自己生成的。含注意力层的训练（模型面板 → 各深度的自注意力）会在此显示每一层关注之处。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CharsetChooser</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Characters typed below</source>
        <translation>在下方输入的字符</translation>
    </message>
    <message>
        <source>Characters from a text file</source>
        <translation>文本文件中的字符</translation>
    </message>
    <message>
        <source>Type or paste the characters to train on</source>
        <translation>输入或粘贴要训练的字符</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Charset:</source>
        <translation>字符集：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Use at most:</source>
        <translation>最多使用：</translation>
    </message>
    <message>
        <source>Choose a Charset File</source>
        <translation>选择字符集文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 个字符</translation>
    </message>
    <message>
        <source>Only characters every chosen font has</source>
        <translation>只用每个所选字体都有的字</translation>
    </message>
    <message>
        <source>Leave out the characters that the source font or any target font lacks, before the limit is applied (hand-drawn folders do not count).</source>
        <translation>在应用上限之前，略去源字体或任一目标字体缺少的字（手绘文件夹不计）。</translation>
    </message>
    <message>
        <source>At most %1 characters: only those every font has</source>
        <translation>最多 %1 个字：只含每个字体都有的字</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CheckpointList</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>★ best by validation · pinned checkpoints are kept</source>
        <translation>★ 验证最佳 · 已固定的检查点会保留</translation>
    </message>
    <message>
        <source>Cannot change the pin of step %1: %2</source>
        <translation>无法更改步骤 %1 的固定：%2</translation>
    </message>
    <message>
        <source>Pinned the checkpoint of step %1</source>
        <translation>已固定步骤 %1 的检查点</translation>
    </message>
    <message>
        <source>Unpinned the checkpoint of step %1</source>
        <translation>已取消固定步骤 %1 的检查点</translation>
    </message>
    <message>
        <source>Cannot read the checkpoints: %1</source>
        <translation>无法读取检查点：%1</translation>
    </message>
    <message>
        <source>Step %1 is the best checkpoint of this run. Delete it anyway?</source>
        <translation>步骤 %1 是此次训练最佳的检查点。仍要删除吗？</translation>
    </message>
    <message>
        <source>Delete the checkpoint of step %1?</source>
        <translation>要删除步骤 %1 的检查点吗？</translation>
    </message>
    <message>
        <source>Delete Checkpoint</source>
        <translation>删除检查点</translation>
    </message>
    <message>
        <source>Deleted the checkpoint of step %1</source>
        <translation>已删除步骤 %1 的检查点</translation>
    </message>
    <message>
        <source>Cannot delete the checkpoint of step %1: %2</source>
        <translation>无法删除步骤 %1 的检查点：%2</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CheckpointModel</name>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>final</source>
        <translation>最终</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>regular</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Val L1</source>
        <translation>验证 L1</translation>
    </message>
    <message>
        <source>Val SSIM</source>
        <translation>验证 SSIM</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CompareView</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Glyph grid characters (empty: held-out ones)</source>
        <translation>字形格的字符（留空：保留字符）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>比较中…</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>No run has a validated checkpoint yet.</source>
        <translation>还没有任何训练有已验证的检查点。</translation>
    </message>
    <message>
        <source>Every scored run has the same placement: nothing to compare it with.</source>
        <translation>所有已评分的训练都是同一种配置：没有可比较的对象。</translation>
    </message>
    <message>
        <source>%1 (%2) is best: %3 %4 vs %5 for %6 (%7), margin %8.</source>
        <translation>%1（%2）最佳：%3 %4，对比 %6（%7）的 %5，差距 %8。</translation>
    </message>
    <message>
        <source>Noise unknown: no placement was trained twice (add a repeat with another seed).</source>
        <translation>噪声未知：没有任何配置训练过两次（请用另一个种子加一次重复训练）。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Export Comparison as CSV</source>
        <translation>将比较导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export Comparison Figure</source>
        <translation>导出比较图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Close Study</source>
        <translation>关闭研究</translation>
    </message>
    <message>
        <source>Open Study…</source>
        <translation>打开研究…</translation>
    </message>
    <message>
        <source>Show a saved study (zistudio-cli compare --save) without its project or checkpoints</source>
        <translation>显示已保存的研究（zistudio-cli compare --save），不需要其项目或检查点</translation>
    </message>
    <message>
        <source>Study %1: saved results, checkpoints not needed. Check runs to compare them.</source>
        <translation>研究 %1：已保存的结果，不需要检查点。勾选训练来比较。</translation>
    </message>
    <message>
        <source>Check two runs or more to compare them. Train one run per attention placement on equal terms with: zistudio-cli sweep --project FILE --attention "none;enc:3" --seeds 2</source>
        <translation>勾选两个以上的训练来比较。要在相同条件下为每种注意力配置各训练一次，请执行：zistudio-cli sweep --project FILE --attention "none;enc:3" --seeds 2</translation>
    </message>
    <message>
        <source>Reading the study…</source>
        <translation>正在读取研究…</translation>
    </message>
    <message>
        <source>Cannot open the study: %1</source>
        <translation>无法打开研究：%1</translation>
    </message>
    <message>
        <source>Open Study</source>
        <translation>打开研究</translation>
    </message>
    <message>
        <source>Saved comparisons (*.json)</source>
        <translation>已保存的比较 (*.json)</translation>
    </message>
    <message>
        <source>%1 is best: mean %2 %3 over %4 runs (best run %5) vs %6 for %7 over %8 runs (best run %9).</source>
        <translation>%1 最佳：%4 次训练的 %2 平均为 %3（最佳训练 %5），相较于 %7 的 %6（%8 次训练，最佳训练 %9）。</translation>
    </message>
    <message>
        <source>Margin %1.</source>
        <translation>差距 %1。</translation>
    </message>
    <message>
        <source>Run-to-run noise %1 (%2, %3 seeds: the wider seed spread of the two).</source>
        <translation>训练间噪声 %1（%2，%3 个种子：两者中较大的种子间差异）。</translation>
    </message>
    <message>
        <source>Run-to-run noise %1 (%2, %3 seeds: the widest of any placement, as %4).</source>
        <translation>训练间噪声 %1（%2，%3 个种子：所有配置中最大的差异，因为%4）。</translation>
    </message>
    <message>
        <source>%1 and %2 have one seed each</source>
        <translation>%1 和 %2 各只有一个种子</translation>
    </message>
    <message>
        <source>%1 has one seed</source>
        <translation>%1 只有一个种子</translation>
    </message>
    <message>
        <source>The margin exceeds the noise.</source>
        <translation>差距大于噪声。</translation>
    </message>
    <message>
        <source>The margin is within the noise, so the ranking may be chance.</source>
        <translation>差距在噪声范围内，排名可能只是偶然。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ComparisonPlot</name>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>validation L1</source>
        <translation>验证 L1</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基准</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ComparisonTable</name>
    <message>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Best step</source>
        <translation>最佳步骤</translation>
    </message>
    <message>
        <source>Val L1</source>
        <translation>验证 L1</translation>
    </message>
    <message>
        <source>Val SSIM</source>
        <translation>验证 SSIM</translation>
    </message>
    <message>
        <source>G params</source>
        <translation>G 参数</translation>
    </message>
    <message>
        <source>Step time</source>
        <translation>每步时间</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>峰值常驻内存</translation>
    </message>
    <message>
        <source>Est. memory</source>
        <translation>估计内存</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::DatasetPanel</name>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Glyph images</source>
        <translation>字形图像</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Em box (keeps size and position)</source>
        <translation>Em 框（保留大小与位置）</translation>
    </message>
    <message>
        <source>Fit to ink (centred, scaled)</source>
        <translation>贴合笔画（居中并缩放）</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>摆放方式：</translation>
    </message>
    <message>
        <source>Fit margin:</source>
        <translation>贴合边距：</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集划分</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>保留比例：</translation>
    </message>
    <message>
        <source>Characters always held out, e.g. 永東國</source>
        <translation>始终保留作验证的字符，例如 永東國</translation>
    </message>
    <message>
        <source>Always validate:</source>
        <translation>固定验证字符：</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>划分种子：</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Build Dataset</source>
        <translation>构建数据集</translation>
    </message>
    <message>
        <source>Render every source/target pair (reused when nothing changed)</source>
        <translation>绘制每组源／目标字对（未更改时沿用）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 × %1 px (set by the model)</source>
        <translation>%1 × %1 像素（由模型设置）</translation>
    </message>
    <message>
        <source>Save the project first: the dataset is stored beside it.</source>
        <translation>请先保存项目：数据集会存放在项目旁。</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>构建中…</translation>
    </message>
    <message>
        <source>Building the dataset in %1</source>
        <translation>正在 %1 构建数据集</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Dataset build cancelled.</source>
        <translation>已取消构建数据集。</translation>
    </message>
    <message>
        <source>The dataset could not be built: %1</source>
        <translation>无法构建数据集：%1</translation>
    </message>
    <message>
        <source>Dataset ready: %1</source>
        <translation>数据集已就绪：%1</translation>
    </message>
    <message>
        <source>Built for earlier settings: build again to use the current ones.</source>
        <translation>这是按先前设置构建的：请重新构建以使用当前设置。</translation>
    </message>
    <message>
        <source>Drop tofu (repeated bitmaps)</source>
        <translation>舍弃豆腐字（重复的位图）</translation>
    </message>
    <message>
        <source>Leave out glyphs whose bitmap or glyph serves many characters: the placeholder boxes some fonts draw for characters they do not have.</source>
        <translation>略去同一位图或字形用于许多字的字形：这是某些字体为缺字所画的占位方框。</translation>
    </message>
    <message>
        <source>The dataset is stored beside the project file: save the project first.</source>
        <translation>数据集存储在项目文件旁：请先保存项目。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ExportDialog</name>
    <message>
        <source>Export Glyphs</source>
        <translation>导出字形</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>训练：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>检查点：</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>The run’s characters</source>
        <translation>此训练所用的字</translation>
    </message>
    <message>
        <source>The reviewed characters</source>
        <translation>已审阅的字</translation>
    </message>
    <message>
        <source>A built-in charset</source>
        <translation>内置字符集</translation>
    </message>
    <message>
        <source>A charset file</source>
        <translation>字符集文件</translation>
    </message>
    <message>
        <source>Typed characters</source>
        <translation>输入的字</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Also glyphs nobody has reviewed</source>
        <translation>也包含尚未审阅的字形</translation>
    </message>
    <message>
        <source>Rejected glyphs are always left out. Once some of the chosen glyphs have been reviewed, the unreviewed ones wait unless this is ticked.</source>
        <translation>被拒绝的字形一律略去。只要所选字形中有任何已审阅，未审阅的字形就会暂缓导出，除非勾选此项。</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PNG per glyph</source>
        <translation>每字一个 PNG</translation>
    </message>
    <message>
        <source>Contact sheets</source>
        <translation>总览图</translation>
    </message>
    <message>
        <source>SVG per glyph</source>
        <translation>每字一个 SVG</translation>
    </message>
    <message>
        <source>UFO 3</source>
        <translation>UFO 3</translation>
    </message>
    <message>
        <source>with the bitmaps as background images</source>
        <translation>以位图作为背景图</translation>
    </message>
    <message>
        <source>TrueType (.ttf)</source>
        <translation>TrueType（.ttf）</translation>
    </message>
    <message>
        <source>OpenType CFF (.otf)</source>
        <translation>OpenType CFF（.otf）</translation>
    </message>
    <message>
        <source>Merge into a TrueType font:</source>
        <translation>合并到 TrueType 字体：</translation>
    </message>
    <message>
        <source>Writes &lt;font&gt;-merged.ttf: the font with the generated glyphs it lacks added.</source>
        <translation>写出 &lt;字体&gt;-merged.ttf：补上该字体所缺的生成字形。</translation>
    </message>
    <message>
        <source>Font Names</source>
        <translation>字体名称</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>字族：</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>样式：</translation>
    </message>
    <message>
        <source>Outlines (potrace)</source>
        <translation>轮廓（potrace）</translation>
    </message>
    <message>
        <source>Specks of at most this many pixels are dropped.</source>
        <translation>移除不超过此像素数的杂点。</translation>
    </message>
    <message>
        <source>Corner threshold: 0 draws a polygon, higher values round more corners.</source>
        <translation>转角阈值：0 画出多边形，数值越高圆角越多。</translation>
    </message>
    <message>
        <source>Curve optimisation: higher values join more curves (fewer points, less exact).</source>
        <translation>曲线优化：数值越高合并越多曲线（点较少、较不精确）。</translation>
    </message>
    <message>
        <source>Speck size:</source>
        <translation>杂点大小：</translation>
    </message>
    <message>
        <source>Corners:</source>
        <translation>转角：</translation>
    </message>
    <message>
        <source>Curve tolerance:</source>
        <translation>曲线容差：</translation>
    </message>
    <message>
        <source>Preview character:</source>
        <translation>预览字：</translation>
    </message>
    <message>
        <source>Generated bitmap</source>
        <translation>生成的位图</translation>
    </message>
    <message>
        <source>Traced outline</source>
        <translation>描绘的轮廓</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>What the export wrote and what it left out appears here.</source>
        <translation>导出写了什么、略去了什么，会显示在这里。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Choose a Charset File</source>
        <translation>选择字符集文件</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the Font to Merge Into</source>
        <translation>选择要合并的字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf)</source>
        <translation>TrueType 字体（*.ttf）</translation>
    </message>
    <message>
        <source>Export Into</source>
        <translation>导出至</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最后</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation>（最佳）</translation>
    </message>
    <message>
        <source>A UTF-8 text file of characters</source>
        <translation>UTF-8 文本文件，内含要导出的字</translation>
    </message>
    <message>
        <source>The characters to export, e.g. 永和九年</source>
        <translation>要导出的字，例如 永和九年</translation>
    </message>
    <message>
        <source>Save the project first: runs live beside the project file.</source>
        <translation>请先保存项目：训练记录存放在项目文件旁。</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>请选择导出的文件夹。</translation>
    </message>
    <message>
        <source>Choose the TrueType font to merge into.</source>
        <translation>请选择要合并的 TrueType 字体。</translation>
    </message>
    <message>
        <source>Loading run %1…</source>
        <translation>正在加载训练 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export cancelled; the folder is as it was.</source>
        <translation>已取消导出；文件夹保持原状。</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>导出失败。</translation>
    </message>
    <message>
        <source>Exported %1 glyphs from step %2.</source>
        <translation>已导出第 %2 步的 %1 个字形。</translation>
    </message>
    <message>
        <source>%1 glyphs written, %2 with outlines, into %3:</source>
        <translation>已写入 %1 个字形（%2 个含轮廓）到 %3：</translation>
    </message>
    <message>
        <source>Left out: %1 rejected, %2 not reviewed yet.</source>
        <translation>已略去：%1 个被拒绝，%2 个尚未审阅。</translation>
    </message>
    <message>
        <source>Skipped %1 %2: %3</source>
        <translation>已跳过 %1 %2：%3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Merged: added %1 glyphs, kept %2 the font already had.</source>
        <translation>已合并：新增 %1 个字形，保留字体原有的 %2 个。</translation>
    </message>
    <message>
        <source>Train a run first: there is nothing to export yet.</source>
        <translation>请先训练：目前还没有可导出的内容。</translation>
    </message>
    <message>
        <source>Type a character to preview.</source>
        <translation>输入一个字以预览。</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <source>The source font has no glyph for %1.</source>
        <translation>源字体没有 %1 的字形。</translation>
    </message>
    <message>
        <source>Outline: %1 segments in %2 contours</source>
        <translation>轮廓：%2 条路径共 %1 段</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::FontProbe</name>
    <message>
        <source>cannot start the font checker %1: %2</source>
        <translation>无法启动字体检查程序 %1：%2</translation>
    </message>
    <message>
        <source>the font checker did not finish within %1 s and was stopped: the font may be built to hang font software</source>
        <translation>字体检查程序在 %1 秒内未完成而被停止：此字体可能刻意使字体软件卡住</translation>
    </message>
    <message>
        <source>the font checker printed more than %1 bytes and was stopped</source>
        <translation>字体检查程序输出超过 %1 字节而被停止</translation>
    </message>
    <message>
        <source>the font checker crashed with %1 while reading the font%2</source>
        <translation>字体检查程序读取字体时因 %1 而崩溃%2</translation>
    </message>
    <message>
        <source> (it may have run out of its %1 s of CPU time)</source>
        <translation>（可能已用完 %1 秒的 CPU 时间）</translation>
    </message>
    <message>
        <source>the font checker ran out of memory (limit %1 MiB) while reading the font</source>
        <translation>字体检查程序读取字体时内存不足（上限 %1 MiB）</translation>
    </message>
    <message>
        <source>the font checker exited with status %1 without a valid report%2</source>
        <translation>字体检查程序以状态 %1 退出，未生成有效报告%2</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::FontsPanel</name>
    <message>
        <source>Sample glyphs</source>
        <translation>示例字形</translation>
    </message>
    <message>
        <source>Characters to show (default: the first of the charset)</source>
        <translation>要显示的字符（默认：字符集的前几个）</translation>
    </message>
    <message>
        <source>Source font (the style the network reads)</source>
        <translation>源字体（网络读入的风格）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Face:</source>
        <translation>字面：</translation>
    </message>
    <message>
        <source>Coverage:</source>
        <translation>覆盖率：</translation>
    </message>
    <message>
        <source>Target styles (what the network learns to draw)</source>
        <translation>目标风格（网络学习绘制的字形）</translation>
    </message>
    <message>
        <source>Add Font…</source>
        <translation>添加字体…</translation>
    </message>
    <message>
        <source>Add Image Folder…</source>
        <translation>添加图像文件夹…</translation>
    </message>
    <message>
        <source>Face…</source>
        <translation>字面…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Tip: drop font files or image folders here; a font dropped on the source box becomes the source.</source>
        <translation>提示：将字体文件或图像文件夹拖放到这里；拖放到源方框的字体会成为源。</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;All files (*)</source>
        <translation>字体 (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 — charset: %2</source>
        <translation>%1 — 字符集：%2</translation>
    </message>
    <message>
        <source>%1 — covers %2 of %3 characters</source>
        <translation>%1 — 覆盖 %3 个字符中的 %2 个</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>All %1 faces, one style each</source>
        <translation>全部 %1 个字面，各为一种风格</translation>
    </message>
    <message>
        <source>Choose a Face</source>
        <translation>选择字面</translation>
    </message>
    <message>
        <source>%1 holds several faces:</source>
        <translation>%1 包含多个字面：</translation>
    </message>
    <message>
        <source>Source font: %1</source>
        <translation>源字体：%1</translation>
    </message>
    <message>
        <source>Target added: %1</source>
        <translation>已添加目标：%1</translation>
    </message>
    <message>
        <source>Choose the Source Font</source>
        <translation>选择源字体</translation>
    </message>
    <message>
        <source>Add Target Fonts</source>
        <translation>添加目标字体</translation>
    </message>
    <message>
        <source>Add a Folder of Drawn Glyphs</source>
        <translation>添加手绘字形文件夹</translation>
    </message>
    <message>
        <source>Not a font file or a folder: %1</source>
        <translation>不是字体文件或文件夹：%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MainWindow</name>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
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
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
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
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies the next time ZiStudio starts.</source>
        <translation>新语言将在下次启动 ZiStudio 时生效。</translation>
    </message>
    <message>
        <source>The run “%1” was interrupted. The Training panel offers to resume it.</source>
        <translation>训练“%1”曾中断。训练面板提供继续训练的选项。</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start New Run</source>
        <translation>开始新的训练(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause / Continue</source>
        <translation>暂停／继续(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>%1 parameters · %2 FLOPs/step</source>
        <translation>%1 个参数 · 每步 %2 FLOPs</translation>
    </message>
    <message>
        <source>Not training</source>
        <translation>未在训练</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>已暂停 %1</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>正在停止 %1</translation>
    </message>
    <message>
        <source>%1[*] — ZiStudio</source>
        <translation>%1[*] — ZiStudio</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>训练进行中</translation>
    </message>
    <message>
        <source>Stop the run (it saves a checkpoint and can be resumed) and quit?</source>
        <translation>要停止训练（会保存检查点，之后可继续）并退出吗？</translation>
    </message>
    <message>
        <source>Stopping the run before quitting…</source>
        <translation>退出前正在停止训练…</translation>
    </message>
    <message>
        <source>&amp;Export Glyphs…</source>
        <translation>导出字形(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the project first: its runs, and so what there is to export, live beside the project file.</source>
        <translation>请先保存项目：训练记录以及可导出的内容都存放在项目文件旁。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MetricsPlot</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation>平滑 %1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MissingGlyphModel</name>
    <message>
        <source>Char</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>码位</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ModelPanel</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>cpu-64 (64 px, ngf 32)</source>
        <translation>cpu-64（64 像素，ngf 32）</translation>
    </message>
    <message>
        <source>classic-256 (zi2zi)</source>
        <translation>classic-256（zi2zi）</translation>
    </message>
    <message>
        <source>attn-256 (attention at 32×32 and 16×16)</source>
        <translation>attn-256（在 32×32 与 16×16 加注意力）</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation>图像尺寸：</translation>
    </message>
    <message>
        <source>Generator width (ngf):</source>
        <translation>生成器宽度（ngf）：</translation>
    </message>
    <message>
        <source>Discriminator width (ndf):</source>
        <translation>判别器宽度（ndf）：</translation>
    </message>
    <message>
        <source>Style embeddings:</source>
        <translation>风格嵌入数：</translation>
    </message>
    <message>
        <source>Embedding size:</source>
        <translation>嵌入维度：</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Instance norm</source>
        <translation>实例归一化</translation>
    </message>
    <message>
        <source>Normalisation:</source>
        <translation>归一化：</translation>
    </message>
    <message>
        <source>Transposed convolution</source>
        <translation>转置卷积</translation>
    </message>
    <message>
        <source>Pixel shuffle</source>
        <translation>像素重排（Pixel shuffle）</translation>
    </message>
    <message>
        <source>Up-sampling:</source>
        <translation>上采样：</translation>
    </message>
    <message>
        <source>Concatenate</source>
        <translation>拼接</translation>
    </message>
    <message>
        <source>Residual (add)</source>
        <translation>残差（相加）</translation>
    </message>
    <message>
        <source>Skip connections:</source>
        <translation>跳跃连接：</translation>
    </message>
    <message>
        <source>Decoder dropout:</source>
        <translation>解码器 dropout：</translation>
    </message>
    <message>
        <source>Spectral norm in the discriminator</source>
        <translation>判别器使用谱归一化</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Self-attention per depth</source>
        <translation>各深度的自注意力</translation>
    </message>
    <message>
        <source>Tick a side to add a self-attention layer after that depth. A new layer starts as an identity (γ = 0), so it can be added to a trained model.</source>
        <translation>勾选一侧即在该深度之后加入自注意力层。新层初始为恒等映射（γ = 0），因此可以加到已训练的模型上。</translation>
    </message>
    <message>
        <source>Cost (from the cost model)</source>
        <translation>成本（依成本模型）</translation>
    </message>
    <message>
        <source>Generator parameters:</source>
        <translation>生成器参数：</translation>
    </message>
    <message>
        <source>Discriminator parameters:</source>
        <translation>判别器参数：</translation>
    </message>
    <message>
        <source>Attention parameters:</source>
        <translation>注意力参数：</translation>
    </message>
    <message>
        <source>Generator FLOPs per image:</source>
        <translation>生成器每张图像 FLOPs：</translation>
    </message>
    <message>
        <source>FLOPs per training step:</source>
        <translation>每个训练步骤 FLOPs：</translation>
    </message>
    <message>
        <source>Attention matrices:</source>
        <translation>注意力矩阵：</translation>
    </message>
    <message>
        <source>Training memory (estimate):</source>
        <translation>训练内存（估计）：</translation>
    </message>
    <message>
        <source>This configuration is not valid: %1</source>
        <translation>此配置无效：%1</translation>
    </message>
    <message>
        <source>Placement: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <source>decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>The %1 layer at depth %2 sits on a 1×1 map: it has nothing to attend to.</source>
        <translation>深度 %2 的%1层位于 1×1 特征图上：没有可关注的对象。</translation>
    </message>
    <message>
        <source>The %1 layer at depth %2 needs %3 for its attention matrix at batch %4.</source>
        <translation>深度 %2 的%1层在批大小 %4 时需要 %3 存放注意力矩阵。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>%1, not built on the CPU</source>
        <translation>%1，在 CPU 上不建立</translation>
    </message>
    <message>
        <source>On the CPU, attention over 256 positions or more is computed a block of rows at a time: those matrices are never built, and the training memory estimate leaves them out.</source>
        <translation>在 CPU 上，256 个位置以上的注意力一次计算一块行：这些矩阵从不建立，训练内存估计也不计入。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::PreviewModel</name>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>%1 has no glyph for this character</source>
        <translation>%1 没有此字符的字形</translation>
    </message>
    <message>
        <source>%1: L1 %2, SSIM %3</source>
        <translation>%1：L1 %2，SSIM %3</translation>
    </message>
    <message>
        <source>No target glyph to compare with</source>
        <translation>没有可比较的目标字形</translation>
    </message>
    <message>
        <source>Char</source>
        <translation>字符</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>Generated
%1</source>
        <translation>生成
%1</translation>
    </message>
    <message>
        <source>Target
%1</source>
        <translation>目标
%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::PreviewView</name>
    <message>
        <source>Glyphs</source>
        <translation>字形</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Train a run to preview its glyphs.</source>
        <translation>先训练一次，才能预览其字形。</translation>
    </message>
    <message>
        <source>&amp;Validation set</source>
        <translation>验证集(&amp;V)</translation>
    </message>
    <message>
        <source>T&amp;yped:</source>
        <translation>输入的(&amp;Y)：</translation>
    </message>
    <message>
        <source>The characters the run never trained on</source>
        <translation>此训练从未用来训练的字符</translation>
    </message>
    <message>
        <source>characters to preview</source>
        <translation>要预览的字符</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept the selected glyphs (A)</source>
        <translation>接受所选的字形（A）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reject the selected glyphs: export leaves them out (R)</source>
        <translation>拒绝所选的字形：导出时会略过它们（R）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Flag the selected glyphs for another look (F)</source>
        <translation>标记所选的字形，稍后再看（F）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget the verdict on the selected glyphs (Backspace)</source>
        <translation>清除所选字形的审阅结果（Backspace）</translation>
    </message>
    <message>
        <source>Worst glyphs (click a header to sort):</source>
        <translation>最差的字形（点击标题即可排序）：</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>Run “%1”, checkpoint step %2 · %3</source>
        <translation>训练“%1”，检查点第 %2 步 · %3</translation>
    </message>
    <message>
        <source>Select glyphs in the grid or the list first.</source>
        <translation>请先在网格或列表中选择字形。</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>未审阅</translation>
    </message>
    <message>
        <source>Generating %1 glyph(s)…</source>
        <translation>正在生成 %1 个字形…</translation>
    </message>
    <message>
        <source>Cancelled after %1 glyph(s).</source>
        <translation>已在 %1 个字形后取消。</translation>
    </message>
    <message>
        <source>%1 glyph(s) from checkpoint step %2.</source>
        <translation>%1 个字形，取自检查点第 %2 步。</translation>
    </message>
    <message>
        <source>Mean L1 %1 over %2 glyph(s) with a target.</source>
        <translation>%2 个有目标字形的字形，平均 L1 为 %1。</translation>
    </message>
    <message>
        <source>%1 glyph(s) marked %2 (saved with the project).</source>
        <translation>%1 个字形标为%2（随项目保存）。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectController</name>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project “%1” has unsaved changes. Save them?</source>
        <translation>项目“%1”有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>New project. Choose a source font and target fonts in the Fonts panel.</source>
        <translation>新项目。请在字体面板选择源字体与目标字体。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>ZiStudio projects (*.zistudio);;All files (*)</source>
        <translation>ZiStudio 项目 (*.zistudio);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the project: %1</source>
        <translation>无法打开项目：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Cannot save the project: %1</source>
        <translation>无法保存项目：%1</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>ZiStudio projects (*.zistudio)</source>
        <translation>ZiStudio 项目 (*.zistudio)</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>The project has no file yet: use Save As.</source>
        <translation>此项目尚无文件：请使用“另存为”。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectPanel</name>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>（尚未保存）</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>custom text</source>
        <translation>自定义文本</translation>
    </message>
    <message>
        <source> (first %1)</source>
        <translation>（前 %1 个）</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>源：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Target styles: %1</source>
        <translation>目标风格：%1</translation>
    </message>
    <message>
        <source>Characters: %1</source>
        <translation>字符：%1</translation>
    </message>
    <message>
        <source>Model: %1 px, ngf %2, attention %3</source>
        <translation>模型：%1 像素，ngf %2，注意力 %3</translation>
    </message>
    <message>
        <source>Training: %1 steps, batch %2, learning rate %3</source>
        <translation>训练：%1 步，批大小 %2，学习率 %3</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>无法读取训练记录：%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::RunChooser</name>
    <message>
        <source>&amp;Run:</source>
        <translation>训练(&amp;R)：</translation>
    </message>
    <message>
        <source>Chec&amp;kpoint:</source>
        <translation>检查点(&amp;K)：</translation>
    </message>
    <message>
        <source>Best: the checkpoint with the best validation score. Last: the newest one.</source>
        <translation>最佳：验证分数最好的检查点。最后：最新的检查点。</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最后</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步骤 %1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::RunListModel</name>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::SampleViewer</name>
    <message>
        <source>Samples:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>no samples yet</source>
        <translation>尚无样本</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source>step %1 (image missing)</source>
        <translation>步骤 %1（找不到图像）</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TargetListModel</name>
    <message>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Drawn images</source>
        <translation>手绘图像</translation>
    </message>
    <message>
        <source>%1 (face %2)</source>
        <translation>%1（字面 %2）</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1 / %2, %3 problem(s)</source>
        <translation>%1 / %2，%3 个问题</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TextPreviewWidget</name>
    <message>
        <source>Type a sentence</source>
        <translation>输入一个句子</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>显示(&amp;W)</translation>
    </message>
    <message>
        <source>Target font:</source>
        <translation>目标字体：</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>生成：</translation>
    </message>
    <message>
        <source>(a hand-drawn style has no font to set text with)</source>
        <translation>（手绘风格没有可用来排版文字的字体）</translation>
    </message>
    <message>
        <source>The target font has every character of this sentence.</source>
        <translation>目标字体包含此句的所有字符。</translation>
    </message>
    <message>
        <source>Marked: characters the target font lacks (%1): only the model can draw them.</source>
        <translation>已标示：目标字体缺少的字符（%1）：只有模型能画出它们。</translation>
    </message>
    <message>
        <source>Not drawn: the source font lacks %1 too, so the model has nothing to start from.</source>
        <translation>未绘制：源字体也没有 %1，模型无从生成。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TrainingPanel</name>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>训练：</translation>
    </message>
    <message>
        <source>Start New Run</source>
        <translation>开始新的训练</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start a new run with the project's settings (Ctrl+R)</source>
        <translation>以项目设置开始新的训练（Ctrl+R）</translation>
    </message>
    <message>
        <source>Finish the current step, save an “interrupted” checkpoint and stop</source>
        <translation>完成当前步骤，保存“已中断”检查点后停止</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>无法读取训练记录：%1</translation>
    </message>
    <message>
        <source>%1 — %2, step %3</source>
        <translation>%1 — %2，步骤 %3</translation>
    </message>
    <message>
        <source>The run “%1” stopped before it finished. Resume it from its last checkpoint?</source>
        <translation>训练“%1”在完成前就停止了。要从最后的检查点继续吗？</translation>
    </message>
    <message>
        <source>Cannot read the run “%1”: %2</source>
        <translation>无法读取训练“%1”：%2</translation>
    </message>
    <message>
        <source>Run “%1”: %2 at step %3</source>
        <translation>训练“%1”：%2，步骤 %3</translation>
    </message>
    <message>
        <source>Saving the project before training.</source>
        <translation>训练前先保存项目。</translation>
    </message>
    <message>
        <source>Resuming the run “%1”</source>
        <translation>正在继续训练“%1”</translation>
    </message>
    <message>
        <source>Starting the run “%1”</source>
        <translation>正在开始训练“%1”</translation>
    </message>
    <message>
        <source>Preparing the dataset and the networks…</source>
        <translation>正在准备数据集与网络…</translation>
    </message>
    <message>
        <source>Preparing the dataset: %1</source>
        <translation>正在准备数据集：%1</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 images/s · ETA %3 · memory %4 · lr %5%6</source>
        <translation>第 %1 轮 · 每秒 %2 张图像 · 剩余 %3 · 内存 %4 · 学习率 %5%6</translation>
    </message>
    <message>
        <source> · %1 steps skipped</source>
        <translation> · 已跳过 %1 步</translation>
    </message>
    <message>
        <source>Validation at step %1: L1 %2 (baseline %3) · SSIM %4 (baseline %5)</source>
        <translation>步骤 %1 的验证：L1 %2（基准 %3）· SSIM %4（基准 %5）</translation>
    </message>
    <message>
        <source>The run “%1” finished at step %2.</source>
        <translation>训练“%1”已在步骤 %2 完成。</translation>
    </message>
    <message>
        <source>The run “%1” stopped at step %2; it can be resumed.</source>
        <translation>训练“%1”已在步骤 %2 停止，可以继续。</translation>
    </message>
    <message>
        <source>The run “%1” failed: %2</source>
        <translation>训练“%1”失败：%2</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>完成此步骤后停止并保存检查点…</translation>
    </message>
    <message>
        <source>No runs yet: press Start New Run.</source>
        <translation>尚无训练：请按“开始新的训练”。</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>继续…</translation>
    </message>
    <message>
        <source>Fine-tune…</source>
        <translation>微调…</translation>
    </message>
    <message>
        <source>Resume the chosen run where it stopped, or train a finished run for more steps</source>
        <translation>从中断处恢复所选训练，或让已完成的训练再多训练几步</translation>
    </message>
    <message>
        <source>Continue Run</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>The run “%1” finished at step %2.
Train it on up to step:</source>
        <translation>训练“%1”已在第 %2 步完成。
继续训练至第几步：</translation>
    </message>
    <message>
        <source>Fine-tune From a Run</source>
        <translation>从某次训练微调</translation>
    </message>
    <message>
        <source>Freeze the encoder (train the decoder and the style embedding)</source>
        <translation>冻结编码器（只训练解码器与风格嵌入）</translation>
    </message>
    <message>
        <source>all styles</source>
        <translation>所有风格</translation>
    </message>
    <message>
        <source>Style ids, separated by commas: only these styles' examples are trained</source>
        <translation>风格编号，以逗号分隔：只训练这些风格的样本</translation>
    </message>
    <message>
        <source>Train only styles:</source>
        <translation>只训练风格：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Start Fine-tuning</source>
        <translation>开始微调</translation>
    </message>
    <message>
        <source>“%1” is not a style id: use numbers separated by commas.</source>
        <translation>“%1”不是风格编号：请用逗号分隔的数字。</translation>
    </message>
    <message>
        <source>Continuing the run “%1” up to step %2</source>
        <translation>继续训练“%1”至第 %2 步</translation>
    </message>
    <message>
        <source>Starting the run “%1”, fine-tuned from “%2”</source>
        <translation>开始训练“%1”，从“%2”微调</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Train the run again from step 0; its damaged checkpoints are kept for inspection</source>
        <translation>从第 0 步重新训练；损坏的检查点会保留以供检查</translation>
    </message>
    <message>
        <source> · GPU memory %1</source>
        <translation> · GPU 内存 %1</translation>
    </message>
    <message>
        <source>The run “%1” cannot be resumed: none of its checkpoints is usable (see the log). Start it over from step 0? Its damaged checkpoints are kept for inspection.</source>
        <translation>无法继续训练“%1”：它的检查点都无法使用（请查看日志）。要从第 0 步重新开始吗？损坏的检查点会保留以供检查。</translation>
    </message>
    <message>
        <source>Start a new run from a checkpoint (the best, or one you choose) of a trained run</source>
        <translation>从某次已完成训练的检查点（最佳的，或您选择的）开始新的训练</translation>
    </message>
    <message>
        <source>The best</source>
        <translation>最佳的</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步骤 %1</translation>
    </message>
    <message>
        <source>Cannot list the checkpoints of “%1”: %2</source>
        <translation>无法列出“%1”的检查点：%2</translation>
    </message>
    <message>
        <source>Start from the run:</source>
        <translation>从此训练开始：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>检查点：</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TrainingSettings</name>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>验证间隔：</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>检查点间隔：</translation>
    </message>
    <message>
        <source>Keep last:</source>
        <translation>保留最近：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
</context>
</TS>