<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>main</name>
    <message>
        <source>ZiStudio</source>
        <translation>ZiStudio</translation>
    </message>
    <message>
        <source>Save a picture of the window and quit.</source>
        <translation>儲存視窗畫面後結束。</translation>
    </message>
    <message>
        <source>The project file to open.</source>
        <translation>要開啟的專案檔。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AboutDialog</name>
    <message>
        <source>About ZiStudio</source>
        <translation>關於 ZiStudio</translation>
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
運算裝置：%6</translation>
    </message>
    <message>
        <source>Train a neural network to draw the CJK glyphs you have not drawn yet, see what its attention layers look at, and export the result as a font.</source>
        <translation>訓練神經網路，畫出您尚未繪製的中日韓字形，觀察其注意力層關注之處，並將結果匯出為字型。</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>依 GNU 通用公共授權條款第 3 版或更新版本授權。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MainWindow</name>
    <message>
        <source>Attention heatmaps appear here once a model is trained.</source>
        <translation>模型訓練後，注意力熱圖會顯示在這裡。</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Generated glyphs appear here beside the target fonts.</source>
        <translation>生成的字形會與目標字型並排顯示在這裡。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>Runs with different attention placements are compared here.</source>
        <translation>不同注意力配置的訓練在此比較。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <source>ZiStudio started on %1</source>
        <translation>ZiStudio 已在 %1 上啟動</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>專案</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>尚未開啟專案。</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字型</translation>
    </message>
    <message>
        <source>Add a source font and target fonts.</source>
        <translation>加入來源字型與目標字型。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>Choose the characters to train on.</source>
        <translation>選擇要訓練的字元。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model size and attention placement.</source>
        <translation>模型大小與注意力配置。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Start a run to see its curves.</source>
        <translation>開始訓練以查看曲線。</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>紀錄</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dark Palette</source>
        <translation>深色配色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>系統預設</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ZiStudio</source>
        <translation>關於 ZiStudio(&amp;A)</translation>
    </message>
    <message>
        <source>ZiStudio</source>
        <translation>ZiStudio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The new language applies the next time ZiStudio starts.</source>
        <translation>新語言將於下次啟動 ZiStudio 時生效。</translation>
    </message>
</context>
</TS>