<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
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
        <translation>GB2312（簡體中文）</translation>
    </message>
    <message>
        <source>GB2312 level 1 (common Simplified Chinese)</source>
        <translation>GB2312 一級字（常用簡體中文）</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁體中文）</translation>
    </message>
    <message>
        <source>Big5 common (Traditional Chinese)</source>
        <translation>Big5 常用字（繁體中文）</translation>
    </message>
    <message>
        <source>JIS X 0208 kanji (Japanese)</source>
        <translation>JIS X 0208 漢字（日文）</translation>
    </message>
    <message>
        <source>Jōyō kanji (Japanese)</source>
        <translation>常用漢字（日文）</translation>
    </message>
    <message>
        <source>KS X 1001 Hangul (Korean)</source>
        <translation>KS X 1001 諺文（韓文）</translation>
    </message>
</context>
<context>
    <name>DatasetBuilder</name>
    <message>
        <source>not in font</source>
        <translation>字型中沒有</translation>
    </message>
    <message>
        <source>empty outline</source>
        <translation>空白輪廓</translation>
    </message>
    <message>
        <source>repeated (tofu)</source>
        <translation>重複（豆腐字）</translation>
    </message>
    <message>
        <source>damaged glyph</source>
        <translation>字形損壞</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>沒有圖像</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>%1 training pairs, %2 validation pairs (%3 held-out characters), %4 images%5</source>
        <translation>%1 組訓練字對、%2 組驗證字對（保留 %3 個字元）、%4 張圖像%5</translation>
    </message>
    <message>
        <source> — unchanged, reused</source>
        <translation> — 未變更，沿用</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters, %4 repeated</source>
        <translation>%1：%3 個字元中有 %2 個，%4 個重複</translation>
    </message>
    <message>
        <source>%1: %2 pairs (%3 train, %4 validation), %5 missing, %6 repeated, %7 problem files</source>
        <translation>%1：%2 組字對（訓練 %3、驗證 %4），缺 %5 個，重複 %6 個，問題檔案 %7 個</translation>
    </message>
</context>
<context>
    <name>DatasetCheck</name>
    <message>
        <source>not in font</source>
        <translation>字型中沒有</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters</source>
        <translation>%1：%3 個字元中有 %2 個</translation>
    </message>
    <message>
        <source>%1: drawn images, counted when built</source>
        <translation>%1：手繪圖像，建置時計數</translation>
    </message>
    <message>
        <source>Left out: %1 characters not in every font</source>
        <translation>已略去：%1 個並非每個字型都有的字</translation>
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
        <translation>無法建立資料夾 %1</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>無法將 %1 複製到 %2</translation>
    </message>
</context>
<context>
    <name>FontScan</name>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>No source font chosen.</source>
        <translation>尚未選擇來源字型。</translation>
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
        <translation>儲存視窗畫面後結束。</translation>
    </message>
    <message>
        <source>The project file to open.</source>
        <translation>要開啟的專案檔。</translation>
    </message>
    <message>
        <source>The demo project (share/zistudio/demo) is not installed.</source>
        <translation>未安裝示範專案（share/zistudio/demo）。</translation>
    </message>
    <message>
        <source>The demo project could not be copied: %1</source>
        <translation>無法複製示範專案：%1</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshot (default 1.5).</source>
        <translation>擷取畫面前等待的秒數（預設 1.5）。</translation>
    </message>
    <message>
        <source>Benchmark: train cpu-64 on the demo for this many seconds and report the longest event-loop stall.</source>
        <translation>效能測試：以示範專案訓練 cpu-64 指定秒數，並回報事件迴圈最長的停頓。</translation>
    </message>
    <message>
        <source>Where --measure-stalls writes its JSON result.</source>
        <translation>--measure-stalls 寫入 JSON 結果的位置。</translation>
    </message>
    <message>
        <source>Use the dark palette.</source>
        <translation>使用深色配色。</translation>
    </message>
    <message>
        <source>Raise this panel or view first: project, fonts, dataset, model, training, log, attention, preview, compare, or export (the Export dialog; may be repeated).</source>
        <translation>先顯示此面板或檢視：project、fonts、dataset、model、training、log、attention、preview、compare 或 export（匯出對話框；可重複）。</translation>
    </message>
    <message>
        <source>Open a saved study (zistudio-cli compare --save) in the Compare tab.</source>
        <translation>在「比較」分頁開啟已儲存的研究（zistudio-cli compare --save）。</translation>
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
    <name>zistudio::ui::AttentionMatrixModel</name>
    <message>
        <source>A 1×1 map has a single position: attention here has nothing to attend to.</source>
        <translation>1×1 的特徵圖只有一個位置：此處的注意力沒有可關注的對象。</translation>
    </message>
    <message>
        <source>Self-attention over %1 positions of %2 channels</source>
        <translation>在 %1 個位置、%2 個通道上的自注意力</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>特徵圖</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解碼器</translation>
    </message>
    <message>
        <source>1 = the first down-sampling, the last = the bottleneck</source>
        <translation>1 = 第一次降採樣，最後一層 = 瓶頸層</translation>
    </message>
    <message>
        <source>Size of the feature map at this depth</source>
        <translation>此深度的特徵圖尺寸</translation>
    </message>
    <message>
        <source>Channels the encoder and the decoder attend over at this depth</source>
        <translation>此深度編碼器與解碼器注意力所涵蓋的通道數</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Self-attention after the encoder's down-sampling at this depth</source>
        <translation>在此深度編碼器降採樣之後的自注意力</translation>
    </message>
    <message>
        <source>Self-attention after the decoder's skip fusion at this depth</source>
        <translation>在此深度解碼器跳接融合之後的自注意力</translation>
    </message>
    <message>
        <source>FLOPs of this depth's attention layers in one forward pass of the batch</source>
        <translation>此深度注意力層在一次批次前向傳遞中的 FLOPs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Memory of this depth's attention matrices for the batch</source>
        <translation>此深度注意力矩陣在整個批次所需的記憶體</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>矩陣</translation>
    </message>
    <message>
        <source>Trained on the CPU, a block of rows at a time: its matrix is never built, and the training memory estimate leaves it out.</source>
        <translation>在 CPU 上訓練時一次處理一塊列：不會建立其矩陣，訓練記憶體估計也不計入。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AttentionView</name>
    <message>
        <source>Click or drag on the glyph: where the selected layer looks from that point.</source>
        <translation>在字形上點按或拖曳：所選層從該點看向何處。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>載入中…</translation>
    </message>
    <message>
        <source>Train a run to see where its attention layers look.</source>
        <translation>先訓練一次，才能看到其注意力層關注之處。</translation>
    </message>
    <message>
        <source>Type a character, or pick one of the run's sample or validation characters.</source>
        <translation>輸入一個字元，或從此訓練的樣本字元或驗證字元中挑選。</translation>
    </message>
    <message>
        <source>C&amp;haracter:</source>
        <translation>字元(&amp;H)：</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>風格(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Point</source>
        <translation>點(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stroke mean</source>
        <translation>筆畫平均(&amp;S)</translation>
    </message>
    <message>
        <source>Where the clicked position looks</source>
        <translation>所點位置看向何處</translation>
    </message>
    <message>
        <source>The mean over every ink position of the glyph</source>
        <translation>字形所有筆墨位置的平均</translation>
    </message>
    <message>
        <source>over the generated glyph</source>
        <translation>疊在生成的字形上</translation>
    </message>
    <message>
        <source>over the source glyph</source>
        <translation>疊在來源字形上</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>熱圖不透明度</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>儲存 PNG…</translation>
    </message>
    <message>
        <source>Save the selected layer's heatmap as a PNG image</source>
        <translation>將所選層的熱圖儲存為 PNG 圖像</translation>
    </message>
    <message>
        <source>Heat:</source>
        <translation>熱圖：</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>Attention: %1</source>
        <translation>注意力：%1</translation>
    </message>
    <message>
        <source>Run “%1” has no attention layers: switch some on in the Model panel and train a new run.</source>
        <translation>訓練「%1」沒有注意力層：請在模型面板中開啟一些，然後開始新的訓練。</translation>
    </message>
    <message>
        <source>Blend the two styles: left is pure style A, right pure style B.</source>
        <translation>混合兩種風格：最左為純風格 A，最右為純風格 B。</translation>
    </message>
    <message>
        <source>This run learns one style: there is nothing to blend.</source>
        <translation>此訓練只學習一種風格：沒有可混合的對象。</translation>
    </message>
    <message>
        <source>live from the training run, step %1</source>
        <translation>即時取自訓練中的模型，第 %1 步</translation>
    </message>
    <message>
        <source>checkpoint step %1</source>
        <translation>檢查點第 %1 步</translation>
    </message>
    <message>
        <source>%1 attention layer(s)</source>
        <translation>%1 個注意力層</translation>
    </message>
    <message>
        <source>probe %1 ms</source>
        <translation>探測 %1 毫秒</translation>
    </message>
    <message>
        <source>heatmaps of the dominant style</source>
        <translation>熱圖取自權重最大的風格</translation>
    </message>
    <message>
        <source>source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>target: none</source>
        <translation>目標：無</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · γ %4</source>
        <translation>%1 · %2×%3 · γ %4</translation>
    </message>
    <message>
        <source>A 1×1 map: one position, nothing to attend to.</source>
        <translation>1×1 的特徵圖：只有一個位置，無從關注。</translation>
    </message>
    <message>
        <source>γ ≈ 0: this layer adds (almost) nothing to its input yet.</source>
        <translation>γ ≈ 0：此層目前（幾乎）沒有對輸入加入任何內容。</translation>
    </message>
    <message>
        <source>γ scales what the layer adds to its input.</source>
        <translation>γ 決定此層對輸入加入內容的比重。</translation>
    </message>
    <message>
        <source>there is no heatmap to save yet</source>
        <translation>目前還沒有可儲存的熱圖</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Save Heatmap</source>
        <translation>儲存熱圖</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 圖像 (*.png)</translation>
    </message>
    <message>
        <source>Saved the heatmap to %1</source>
        <translation>已將熱圖儲存至 %1</translation>
    </message>
    <message>
        <source>Could not save the heatmap: %1</source>
        <translation>無法儲存熱圖：%1</translation>
    </message>
    <message>
        <source>1 position</source>
        <translation>僅 1 個位置</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>This run has no attention layers (its placement is “none”), so there is no map to show; the glyphs on the left are still its own. Runs trained with attention layers (Model panel → Self-attention per depth) show here where each layer looks.</source>
        <translation>這個訓練沒有注意力層（其配置為「none」），因此沒有可顯示的圖；左側的字形仍是它自己產生的。含注意力層的訓練（模型面板 → 各深度的自注意力）會在此顯示每一層關注之處。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CharsetChooser</name>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Characters typed below</source>
        <translation>在下方輸入的字元</translation>
    </message>
    <message>
        <source>Characters from a text file</source>
        <translation>文字檔中的字元</translation>
    </message>
    <message>
        <source>Type or paste the characters to train on</source>
        <translation>輸入或貼上要訓練的字元</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Charset:</source>
        <translation>字集：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Use at most:</source>
        <translation>最多使用：</translation>
    </message>
    <message>
        <source>Choose a Charset File</source>
        <translation>選擇字集檔案</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文字檔 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 個字元</translation>
    </message>
    <message>
        <source>Only characters every chosen font has</source>
        <translation>只用每個所選字型都有的字</translation>
    </message>
    <message>
        <source>Leave out the characters that the source font or any target font lacks, before the limit is applied (hand-drawn folders do not count).</source>
        <translation>在套用上限之前，略去來源字型或任一目標字型缺少的字（手繪資料夾不計）。</translation>
    </message>
    <message>
        <source>At most %1 characters: only those every font has</source>
        <translation>最多 %1 個字：只含每個字型都有的字</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CheckpointList</name>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>★ best by validation · pinned checkpoints are kept</source>
        <translation>★ 驗證最佳 · 已釘選的檢查點會保留</translation>
    </message>
    <message>
        <source>Cannot change the pin of step %1: %2</source>
        <translation>無法變更步驟 %1 的釘選：%2</translation>
    </message>
    <message>
        <source>Pinned the checkpoint of step %1</source>
        <translation>已釘選步驟 %1 的檢查點</translation>
    </message>
    <message>
        <source>Unpinned the checkpoint of step %1</source>
        <translation>已取消釘選步驟 %1 的檢查點</translation>
    </message>
    <message>
        <source>Cannot read the checkpoints: %1</source>
        <translation>無法讀取檢查點：%1</translation>
    </message>
    <message>
        <source>Step %1 is the best checkpoint of this run. Delete it anyway?</source>
        <translation>步驟 %1 是此次訓練最佳的檢查點。仍要刪除嗎？</translation>
    </message>
    <message>
        <source>Delete the checkpoint of step %1?</source>
        <translation>要刪除步驟 %1 的檢查點嗎？</translation>
    </message>
    <message>
        <source>Delete Checkpoint</source>
        <translation>刪除檢查點</translation>
    </message>
    <message>
        <source>Deleted the checkpoint of step %1</source>
        <translation>已刪除步驟 %1 的檢查點</translation>
    </message>
    <message>
        <source>Cannot delete the checkpoint of step %1: %2</source>
        <translation>無法刪除步驟 %1 的檢查點：%2</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CheckpointModel</name>
    <message>
        <source>interrupted</source>
        <translation>已中斷</translation>
    </message>
    <message>
        <source>final</source>
        <translation>最終</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>回復</translation>
    </message>
    <message>
        <source>regular</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已釘選</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Val L1</source>
        <translation>驗證 L1</translation>
    </message>
    <message>
        <source>Val SSIM</source>
        <translation>驗證 SSIM</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CompareView</name>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Glyph grid characters (empty: held-out ones)</source>
        <translation>字形格的字元（留空：保留字元）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>匯出 PNG…</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>無法比較：%1</translation>
    </message>
    <message>
        <source>No run has a validated checkpoint yet.</source>
        <translation>還沒有任何訓練有已驗證的檢查點。</translation>
    </message>
    <message>
        <source>Every scored run has the same placement: nothing to compare it with.</source>
        <translation>所有已評分的訓練都是同一種配置：沒有可比較的對象。</translation>
    </message>
    <message>
        <source>%1 (%2) is best: %3 %4 vs %5 for %6 (%7), margin %8.</source>
        <translation>%1（%2）最佳：%3 %4，對比 %6（%7）的 %5，差距 %8。</translation>
    </message>
    <message>
        <source>Noise unknown: no placement was trained twice (add a repeat with another seed).</source>
        <translation>雜訊未知：沒有任何配置訓練過兩次（請用另一個種子加一次重複訓練）。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Export Comparison as CSV</source>
        <translation>將比較匯出為 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Export Comparison Figure</source>
        <translation>匯出比較圖</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 圖像 (*.png)</translation>
    </message>
    <message>
        <source>Close Study</source>
        <translation>關閉研究</translation>
    </message>
    <message>
        <source>Open Study…</source>
        <translation>開啟研究…</translation>
    </message>
    <message>
        <source>Show a saved study (zistudio-cli compare --save) without its project or checkpoints</source>
        <translation>顯示已儲存的研究（zistudio-cli compare --save），不需要其專案或檢查點</translation>
    </message>
    <message>
        <source>Study %1: saved results, checkpoints not needed. Check runs to compare them.</source>
        <translation>研究 %1：已儲存的結果，不需要檢查點。勾選訓練來比較。</translation>
    </message>
    <message>
        <source>Check two runs or more to compare them. Train one run per attention placement on equal terms with: zistudio-cli sweep --project FILE --attention "none;enc:3" --seeds 2</source>
        <translation>勾選兩個以上的訓練來比較。要在相同條件下為每種注意力配置各訓練一次，請執行：zistudio-cli sweep --project FILE --attention "none;enc:3" --seeds 2</translation>
    </message>
    <message>
        <source>Reading the study…</source>
        <translation>正在讀取研究…</translation>
    </message>
    <message>
        <source>Cannot open the study: %1</source>
        <translation>無法開啟研究：%1</translation>
    </message>
    <message>
        <source>Open Study</source>
        <translation>開啟研究</translation>
    </message>
    <message>
        <source>Saved comparisons (*.json)</source>
        <translation>已儲存的比較 (*.json)</translation>
    </message>
    <message>
        <source>%1 is best: mean %2 %3 over %4 runs (best run %5) vs %6 for %7 over %8 runs (best run %9).</source>
        <translation>%1 最佳：%4 次訓練的 %2 平均為 %3（最佳訓練 %5），相較於 %7 的 %6（%8 次訓練，最佳訓練 %9）。</translation>
    </message>
    <message>
        <source>Margin %1.</source>
        <translation>差距 %1。</translation>
    </message>
    <message>
        <source>Run-to-run noise %1 (%2, %3 seeds: the wider seed spread of the two).</source>
        <translation>訓練間雜訊 %1（%2，%3 個種子：兩者中較大的種子間差異）。</translation>
    </message>
    <message>
        <source>Run-to-run noise %1 (%2, %3 seeds: the widest of any placement, as %4).</source>
        <translation>訓練間雜訊 %1（%2，%3 個種子：所有配置中最大的差異，因為%4）。</translation>
    </message>
    <message>
        <source>%1 and %2 have one seed each</source>
        <translation>%1 與 %2 各只有一個種子</translation>
    </message>
    <message>
        <source>%1 has one seed</source>
        <translation>%1 只有一個種子</translation>
    </message>
    <message>
        <source>The margin exceeds the noise.</source>
        <translation>差距大於雜訊。</translation>
    </message>
    <message>
        <source>The margin is within the noise, so the ranking may be chance.</source>
        <translation>差距在雜訊範圍內，排名可能只是偶然。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ComparisonPlot</name>
    <message>
        <source>step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>validation L1</source>
        <translation>驗證 L1</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基準</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ComparisonTable</name>
    <message>
        <source>Run</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步數</translation>
    </message>
    <message>
        <source>Best step</source>
        <translation>最佳步驟</translation>
    </message>
    <message>
        <source>Val L1</source>
        <translation>驗證 L1</translation>
    </message>
    <message>
        <source>Val SSIM</source>
        <translation>驗證 SSIM</translation>
    </message>
    <message>
        <source>G params</source>
        <translation>G 參數</translation>
    </message>
    <message>
        <source>Step time</source>
        <translation>每步時間</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>最高常駐記憶體</translation>
    </message>
    <message>
        <source>Est. memory</source>
        <translation>估計記憶體</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::DatasetPanel</name>
    <message>
        <source>Coverage</source>
        <translation>涵蓋率</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字元</translation>
    </message>
    <message>
        <source>Glyph images</source>
        <translation>字形圖像</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Em box (keeps size and position)</source>
        <translation>Em 框（保留大小與位置）</translation>
    </message>
    <message>
        <source>Fit to ink (centred, scaled)</source>
        <translation>貼合筆畫（置中並縮放）</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>擺放方式：</translation>
    </message>
    <message>
        <source>Fit margin:</source>
        <translation>貼合邊界：</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>驗證集切分</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>保留比例：</translation>
    </message>
    <message>
        <source>Characters always held out, e.g. 永東國</source>
        <translation>一律保留作驗證的字元，例如 永東國</translation>
    </message>
    <message>
        <source>Always validate:</source>
        <translation>固定驗證字元：</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>切分種子：</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>建置</translation>
    </message>
    <message>
        <source>Build Dataset</source>
        <translation>建置資料集</translation>
    </message>
    <message>
        <source>Render every source/target pair (reused when nothing changed)</source>
        <translation>繪製每組來源／目標字對（未變更時沿用）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 × %1 px (set by the model)</source>
        <translation>%1 × %1 像素（由模型設定）</translation>
    </message>
    <message>
        <source>Save the project first: the dataset is stored beside it.</source>
        <translation>請先儲存專案：資料集會存放在專案旁。</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>建置中…</translation>
    </message>
    <message>
        <source>Building the dataset in %1</source>
        <translation>正在 %1 建置資料集</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Dataset build cancelled.</source>
        <translation>已取消建置資料集。</translation>
    </message>
    <message>
        <source>The dataset could not be built: %1</source>
        <translation>無法建置資料集：%1</translation>
    </message>
    <message>
        <source>Dataset ready: %1</source>
        <translation>資料集已就緒：%1</translation>
    </message>
    <message>
        <source>Built for earlier settings: build again to use the current ones.</source>
        <translation>這是依先前設定建立的：請重新建立以使用目前的設定。</translation>
    </message>
    <message>
        <source>Drop tofu (repeated bitmaps)</source>
        <translation>捨棄豆腐字（重複的點陣圖）</translation>
    </message>
    <message>
        <source>Leave out glyphs whose bitmap or glyph serves many characters: the placeholder boxes some fonts draw for characters they do not have.</source>
        <translation>略去同一點陣圖或字符用於許多字的字形：這是某些字型為缺字所畫的佔位方框。</translation>
    </message>
    <message>
        <source>The dataset is stored beside the project file: save the project first.</source>
        <translation>資料集儲存在專案檔旁：請先儲存專案。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ExportDialog</name>
    <message>
        <source>Export Glyphs</source>
        <translation>匯出字符</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>訓練：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>檢查點：</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字元</translation>
    </message>
    <message>
        <source>The run’s characters</source>
        <translation>此訓練所用的字</translation>
    </message>
    <message>
        <source>The reviewed characters</source>
        <translation>已審閱的字</translation>
    </message>
    <message>
        <source>A built-in charset</source>
        <translation>內建字集</translation>
    </message>
    <message>
        <source>A charset file</source>
        <translation>字集檔案</translation>
    </message>
    <message>
        <source>Typed characters</source>
        <translation>輸入的字</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Also glyphs nobody has reviewed</source>
        <translation>也包含尚未審閱的字符</translation>
    </message>
    <message>
        <source>Rejected glyphs are always left out. Once some of the chosen glyphs have been reviewed, the unreviewed ones wait unless this is ticked.</source>
        <translation>被拒絕的字符一律略去。只要所選字符中有任何已審閱，未審閱的字符就會暫緩匯出，除非勾選此項。</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>匯出：</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PNG per glyph</source>
        <translation>每字一個 PNG</translation>
    </message>
    <message>
        <source>Contact sheets</source>
        <translation>總覽圖</translation>
    </message>
    <message>
        <source>SVG per glyph</source>
        <translation>每字一個 SVG</translation>
    </message>
    <message>
        <source>UFO 3</source>
        <translation>UFO 3</translation>
    </message>
    <message>
        <source>with the bitmaps as background images</source>
        <translation>以點陣圖作為背景圖</translation>
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
        <translation>合併到 TrueType 字型：</translation>
    </message>
    <message>
        <source>Writes &lt;font&gt;-merged.ttf: the font with the generated glyphs it lacks added.</source>
        <translation>寫出 &lt;字型&gt;-merged.ttf：補上該字型所缺的生成字符。</translation>
    </message>
    <message>
        <source>Font Names</source>
        <translation>字型名稱</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>字族：</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>樣式：</translation>
    </message>
    <message>
        <source>Outlines (potrace)</source>
        <translation>輪廓（potrace）</translation>
    </message>
    <message>
        <source>Specks of at most this many pixels are dropped.</source>
        <translation>移除不超過此像素數的雜點。</translation>
    </message>
    <message>
        <source>Corner threshold: 0 draws a polygon, higher values round more corners.</source>
        <translation>轉角門檻：0 畫出多邊形，數值越高圓角越多。</translation>
    </message>
    <message>
        <source>Curve optimisation: higher values join more curves (fewer points, less exact).</source>
        <translation>曲線最佳化：數值越高合併越多曲線（點較少、較不精確）。</translation>
    </message>
    <message>
        <source>Speck size:</source>
        <translation>雜點大小：</translation>
    </message>
    <message>
        <source>Corners:</source>
        <translation>轉角：</translation>
    </message>
    <message>
        <source>Curve tolerance:</source>
        <translation>曲線容差：</translation>
    </message>
    <message>
        <source>Preview character:</source>
        <translation>預覽字：</translation>
    </message>
    <message>
        <source>Generated bitmap</source>
        <translation>生成的點陣圖</translation>
    </message>
    <message>
        <source>Traced outline</source>
        <translation>描繪的輪廓</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>資料夾：</translation>
    </message>
    <message>
        <source>What the export wrote and what it left out appears here.</source>
        <translation>匯出寫了什麼、略去了什麼，會顯示在這裡。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>取消匯出</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>Choose a Charset File</source>
        <translation>選擇字集檔案</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文字檔 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Choose the Font to Merge Into</source>
        <translation>選擇要合併的字型</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf)</source>
        <translation>TrueType 字型（*.ttf）</translation>
    </message>
    <message>
        <source>Export Into</source>
        <translation>匯出至</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最後</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步驟 %1</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation>（最佳）</translation>
    </message>
    <message>
        <source>A UTF-8 text file of characters</source>
        <translation>UTF-8 文字檔，內含要匯出的字</translation>
    </message>
    <message>
        <source>The characters to export, e.g. 永和九年</source>
        <translation>要匯出的字，例如 永和九年</translation>
    </message>
    <message>
        <source>Save the project first: runs live beside the project file.</source>
        <translation>請先儲存專案：訓練紀錄存放在專案檔旁。</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>請選擇匯出的資料夾。</translation>
    </message>
    <message>
        <source>Choose the TrueType font to merge into.</source>
        <translation>請選擇要合併的 TrueType 字型。</translation>
    </message>
    <message>
        <source>Loading run %1…</source>
        <translation>正在載入訓練 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export cancelled; the folder is as it was.</source>
        <translation>已取消匯出；資料夾維持原狀。</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>匯出失敗。</translation>
    </message>
    <message>
        <source>Exported %1 glyphs from step %2.</source>
        <translation>已匯出第 %2 步的 %1 個字符。</translation>
    </message>
    <message>
        <source>%1 glyphs written, %2 with outlines, into %3:</source>
        <translation>已寫入 %1 個字符（%2 個含輪廓）至 %3：</translation>
    </message>
    <message>
        <source>Left out: %1 rejected, %2 not reviewed yet.</source>
        <translation>已略去：%1 個被拒絕，%2 個尚未審閱。</translation>
    </message>
    <message>
        <source>Skipped %1 %2: %3</source>
        <translation>已略過 %1 %2：%3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Merged: added %1 glyphs, kept %2 the font already had.</source>
        <translation>已合併：新增 %1 個字符，保留字型原有的 %2 個。</translation>
    </message>
    <message>
        <source>Train a run first: there is nothing to export yet.</source>
        <translation>請先訓練：目前還沒有可匯出的內容。</translation>
    </message>
    <message>
        <source>Type a character to preview.</source>
        <translation>輸入一個字以預覽。</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <source>The source font has no glyph for %1.</source>
        <translation>來源字型沒有 %1 的字符。</translation>
    </message>
    <message>
        <source>Outline: %1 segments in %2 contours</source>
        <translation>輪廓：%2 條路徑共 %1 段</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::FontProbe</name>
    <message>
        <source>cannot start the font checker %1: %2</source>
        <translation>無法啟動字型檢查程式 %1：%2</translation>
    </message>
    <message>
        <source>the font checker did not finish within %1 s and was stopped: the font may be built to hang font software</source>
        <translation>字型檢查程式在 %1 秒內未完成而被停止：此字型可能刻意使字型軟體停滯</translation>
    </message>
    <message>
        <source>the font checker printed more than %1 bytes and was stopped</source>
        <translation>字型檢查程式輸出超過 %1 位元組而被停止</translation>
    </message>
    <message>
        <source>the font checker crashed with %1 while reading the font%2</source>
        <translation>字型檢查程式讀取字型時因 %1 而當機%2</translation>
    </message>
    <message>
        <source> (it may have run out of its %1 s of CPU time)</source>
        <translation>（可能已用完 %1 秒的 CPU 時間）</translation>
    </message>
    <message>
        <source>the font checker ran out of memory (limit %1 MiB) while reading the font</source>
        <translation>字型檢查程式讀取字型時記憶體不足（上限 %1 MiB）</translation>
    </message>
    <message>
        <source>the font checker exited with status %1 without a valid report%2</source>
        <translation>字型檢查程式以狀態 %1 結束，未產生有效報告%2</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::FontsPanel</name>
    <message>
        <source>Sample glyphs</source>
        <translation>範例字形</translation>
    </message>
    <message>
        <source>Characters to show (default: the first of the charset)</source>
        <translation>要顯示的字元（預設：字集的前幾個）</translation>
    </message>
    <message>
        <source>Source font (the style the network reads)</source>
        <translation>來源字型（網路讀入的風格）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>Face:</source>
        <translation>字面：</translation>
    </message>
    <message>
        <source>Coverage:</source>
        <translation>涵蓋率：</translation>
    </message>
    <message>
        <source>Target styles (what the network learns to draw)</source>
        <translation>目標風格（網路學習繪製的字形）</translation>
    </message>
    <message>
        <source>Add Font…</source>
        <translation>加入字型…</translation>
    </message>
    <message>
        <source>Add Image Folder…</source>
        <translation>加入圖像資料夾…</translation>
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
        <translation>提示：將字型檔或圖像資料夾拖放到這裡；拖放到來源方框的字型會成為來源。</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;All files (*)</source>
        <translation>字型 (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1 — charset: %2</source>
        <translation>%1 — 字集：%2</translation>
    </message>
    <message>
        <source>%1 — covers %2 of %3 characters</source>
        <translation>%1 — 涵蓋 %3 個字元中的 %2 個</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>All %1 faces, one style each</source>
        <translation>全部 %1 個字面，各為一種風格</translation>
    </message>
    <message>
        <source>Choose a Face</source>
        <translation>選擇字面</translation>
    </message>
    <message>
        <source>%1 holds several faces:</source>
        <translation>%1 包含多個字面：</translation>
    </message>
    <message>
        <source>Source font: %1</source>
        <translation>來源字型：%1</translation>
    </message>
    <message>
        <source>Target added: %1</source>
        <translation>已加入目標：%1</translation>
    </message>
    <message>
        <source>Choose the Source Font</source>
        <translation>選擇來源字型</translation>
    </message>
    <message>
        <source>Add Target Fonts</source>
        <translation>加入目標字型</translation>
    </message>
    <message>
        <source>Add a Folder of Drawn Glyphs</source>
        <translation>加入手繪字形資料夾</translation>
    </message>
    <message>
        <source>Not a font file or a folder: %1</source>
        <translation>不是字型檔或資料夾：%1</translation>
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
        <translation>預覽</translation>
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
        <source>Fonts</source>
        <translation>字型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
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
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The new language applies the next time ZiStudio starts.</source>
        <translation>新語言將於下次啟動 ZiStudio 時生效。</translation>
    </message>
    <message>
        <source>The run “%1” was interrupted. The Training panel offers to resume it.</source>
        <translation>訓練「%1」曾中斷。訓練面板提供繼續訓練的選項。</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>訓練(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start New Run</source>
        <translation>開始新的訓練(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause / Continue</source>
        <translation>暫停／繼續(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>%1 parameters · %2 FLOPs/step</source>
        <translation>%1 個參數 · 每步 %2 FLOPs</translation>
    </message>
    <message>
        <source>Not training</source>
        <translation>未在訓練</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>正在訓練 %1</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>已暫停 %1</translation>
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
        <translation>訓練進行中</translation>
    </message>
    <message>
        <source>Stop the run (it saves a checkpoint and can be resumed) and quit?</source>
        <translation>要停止訓練（會儲存檢查點，之後可繼續）並結束嗎？</translation>
    </message>
    <message>
        <source>Stopping the run before quitting…</source>
        <translation>結束前正在停止訓練…</translation>
    </message>
    <message>
        <source>&amp;Export Glyphs…</source>
        <translation>匯出字符(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the project first: its runs, and so what there is to export, live beside the project file.</source>
        <translation>請先儲存專案：訓練紀錄以及可匯出的內容都存放在專案檔旁。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MetricsPlot</name>
    <message>
        <source>Log scale</source>
        <translation>對數刻度</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>驗證</translation>
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
        <translation>字元</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>碼位</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>風格</translation>
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
        <translation>網路</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
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
        <translation>attn-256（在 32×32 與 16×16 加注意力）</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>預設組合：</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation>圖像尺寸：</translation>
    </message>
    <message>
        <source>Generator width (ngf):</source>
        <translation>生成器寬度（ngf）：</translation>
    </message>
    <message>
        <source>Discriminator width (ndf):</source>
        <translation>判別器寬度（ndf）：</translation>
    </message>
    <message>
        <source>Style embeddings:</source>
        <translation>風格嵌入數：</translation>
    </message>
    <message>
        <source>Embedding size:</source>
        <translation>嵌入維度：</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批次正規化</translation>
    </message>
    <message>
        <source>Instance norm</source>
        <translation>實例正規化</translation>
    </message>
    <message>
        <source>Normalisation:</source>
        <translation>正規化：</translation>
    </message>
    <message>
        <source>Transposed convolution</source>
        <translation>轉置卷積</translation>
    </message>
    <message>
        <source>Pixel shuffle</source>
        <translation>像素重排（Pixel shuffle）</translation>
    </message>
    <message>
        <source>Up-sampling:</source>
        <translation>上取樣：</translation>
    </message>
    <message>
        <source>Concatenate</source>
        <translation>串接</translation>
    </message>
    <message>
        <source>Residual (add)</source>
        <translation>殘差（相加）</translation>
    </message>
    <message>
        <source>Skip connections:</source>
        <translation>跳接：</translation>
    </message>
    <message>
        <source>Decoder dropout:</source>
        <translation>解碼器 dropout：</translation>
    </message>
    <message>
        <source>Spectral norm in the discriminator</source>
        <translation>判別器使用譜正規化</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
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
        <translation>裝置：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批次大小：</translation>
    </message>
    <message>
        <source>Self-attention per depth</source>
        <translation>各深度的自注意力</translation>
    </message>
    <message>
        <source>Tick a side to add a self-attention layer after that depth. A new layer starts as an identity (γ = 0), so it can be added to a trained model.</source>
        <translation>勾選一側即在該深度之後加入自注意力層。新層初始為恆等映射（γ = 0），因此可以加到已訓練的模型上。</translation>
    </message>
    <message>
        <source>Cost (from the cost model)</source>
        <translation>成本（依成本模型）</translation>
    </message>
    <message>
        <source>Generator parameters:</source>
        <translation>生成器參數：</translation>
    </message>
    <message>
        <source>Discriminator parameters:</source>
        <translation>判別器參數：</translation>
    </message>
    <message>
        <source>Attention parameters:</source>
        <translation>注意力參數：</translation>
    </message>
    <message>
        <source>Generator FLOPs per image:</source>
        <translation>生成器每張圖像 FLOPs：</translation>
    </message>
    <message>
        <source>FLOPs per training step:</source>
        <translation>每個訓練步驟 FLOPs：</translation>
    </message>
    <message>
        <source>Attention matrices:</source>
        <translation>注意力矩陣：</translation>
    </message>
    <message>
        <source>Training memory (estimate):</source>
        <translation>訓練記憶體（估計）：</translation>
    </message>
    <message>
        <source>This configuration is not valid: %1</source>
        <translation>此設定無效：%1</translation>
    </message>
    <message>
        <source>Placement: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>編碼器</translation>
    </message>
    <message>
        <source>decoder</source>
        <translation>解碼器</translation>
    </message>
    <message>
        <source>The %1 layer at depth %2 sits on a 1×1 map: it has nothing to attend to.</source>
        <translation>深度 %2 的%1層位於 1×1 特徵圖上：沒有可關注的對象。</translation>
    </message>
    <message>
        <source>The %1 layer at depth %2 needs %3 for its attention matrix at batch %4.</source>
        <translation>深度 %2 的%1層在批次 %4 時需要 %3 存放注意力矩陣。</translation>
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
        <translation>在 CPU 上，256 個位置以上的注意力一次計算一塊列：這些矩陣從不建立，訓練記憶體估計也不計入。</translation>
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
        <translation>已拒絕</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已標記</translation>
    </message>
    <message>
        <source>%1 has no glyph for this character</source>
        <translation>%1 沒有此字元的字形</translation>
    </message>
    <message>
        <source>%1: L1 %2, SSIM %3</source>
        <translation>%1：L1 %2，SSIM %3</translation>
    </message>
    <message>
        <source>No target glyph to compare with</source>
        <translation>沒有可比較的目標字形</translation>
    </message>
    <message>
        <source>Char</source>
        <translation>字元</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>審閱</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
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
        <translation>目標
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
        <translation>文字</translation>
    </message>
    <message>
        <source>Train a run to preview its glyphs.</source>
        <translation>先訓練一次，才能預覽其字形。</translation>
    </message>
    <message>
        <source>&amp;Validation set</source>
        <translation>驗證集(&amp;V)</translation>
    </message>
    <message>
        <source>T&amp;yped:</source>
        <translation>輸入的(&amp;Y)：</translation>
    </message>
    <message>
        <source>The characters the run never trained on</source>
        <translation>此訓練從未用來訓練的字元</translation>
    </message>
    <message>
        <source>characters to preview</source>
        <translation>要預覽的字元</translation>
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
        <translation>接受所選的字形（A）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒絕</translation>
    </message>
    <message>
        <source>Reject the selected glyphs: export leaves them out (R)</source>
        <translation>拒絕所選的字形：匯出時會略過它們（R）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>標記</translation>
    </message>
    <message>
        <source>Flag the selected glyphs for another look (F)</source>
        <translation>標記所選的字形，稍後再看（F）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Forget the verdict on the selected glyphs (Backspace)</source>
        <translation>清除所選字形的審閱結果（Backspace）</translation>
    </message>
    <message>
        <source>Worst glyphs (click a header to sort):</source>
        <translation>最差的字形（點按標題即可排序）：</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>預覽：%1</translation>
    </message>
    <message>
        <source>Run “%1”, checkpoint step %2 · %3</source>
        <translation>訓練「%1」，檢查點第 %2 步 · %3</translation>
    </message>
    <message>
        <source>Select glyphs in the grid or the list first.</source>
        <translation>請先在網格或清單中選取字形。</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>未審閱</translation>
    </message>
    <message>
        <source>Generating %1 glyph(s)…</source>
        <translation>正在生成 %1 個字形…</translation>
    </message>
    <message>
        <source>Cancelled after %1 glyph(s).</source>
        <translation>已在 %1 個字形後取消。</translation>
    </message>
    <message>
        <source>%1 glyph(s) from checkpoint step %2.</source>
        <translation>%1 個字形，取自檢查點第 %2 步。</translation>
    </message>
    <message>
        <source>Mean L1 %1 over %2 glyph(s) with a target.</source>
        <translation>%2 個有目標字形的字形，平均 L1 為 %1。</translation>
    </message>
    <message>
        <source>%1 glyph(s) marked %2 (saved with the project).</source>
        <translation>%1 個字形標為%2（隨專案儲存）。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectController</name>
    <message>
        <source>&amp;New Project</source>
        <translation>新增專案(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>開啟專案(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存新檔(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未儲存的變更</translation>
    </message>
    <message>
        <source>The project “%1” has unsaved changes. Save them?</source>
        <translation>專案「%1」有未儲存的變更。要儲存嗎？</translation>
    </message>
    <message>
        <source>New project. Choose a source font and target fonts in the Fonts panel.</source>
        <translation>新專案。請在字型面板選擇來源字型與目標字型。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>開啟專案</translation>
    </message>
    <message>
        <source>ZiStudio projects (*.zistudio);;All files (*)</source>
        <translation>ZiStudio 專案 (*.zistudio);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot open the project: %1</source>
        <translation>無法開啟專案：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
    <message>
        <source>Cannot save the project: %1</source>
        <translation>無法儲存專案：%1</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>儲存專案</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>專案另存新檔</translation>
    </message>
    <message>
        <source>ZiStudio projects (*.zistudio)</source>
        <translation>ZiStudio 專案 (*.zistudio)</translation>
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
        <translation>此專案尚無檔案：請使用「另存新檔」。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectPanel</name>
    <message>
        <source>Name:</source>
        <translation>名稱：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>訓練紀錄</translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation>最近的專案</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>（尚未儲存）</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未儲存的變更</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>custom text</source>
        <translation>自訂文字</translation>
    </message>
    <message>
        <source> (first %1)</source>
        <translation>（前 %1 個）</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>來源：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Target styles: %1</source>
        <translation>目標風格：%1</translation>
    </message>
    <message>
        <source>Characters: %1</source>
        <translation>字元：%1</translation>
    </message>
    <message>
        <source>Model: %1 px, ngf %2, attention %3</source>
        <translation>模型：%1 像素，ngf %2，注意力 %3</translation>
    </message>
    <message>
        <source>Training: %1 steps, batch %2, learning rate %3</source>
        <translation>訓練：%1 步，批次 %2，學習率 %3</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>無法讀取訓練紀錄：%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::RunChooser</name>
    <message>
        <source>&amp;Run:</source>
        <translation>訓練(&amp;R)：</translation>
    </message>
    <message>
        <source>Chec&amp;kpoint:</source>
        <translation>檢查點(&amp;K)：</translation>
    </message>
    <message>
        <source>Best: the checkpoint with the best validation score. Last: the newest one.</source>
        <translation>最佳：驗證分數最好的檢查點。最後：最新的檢查點。</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最後</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步驟 %1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::RunListModel</name>
    <message>
        <source>created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>running</source>
        <translation>執行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中斷</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步驟</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>建立時間</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>已復原</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::SampleViewer</name>
    <message>
        <source>Samples:</source>
        <translation>樣本：</translation>
    </message>
    <message>
        <source>no samples yet</source>
        <translation>尚無樣本</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>步驟 %1</translation>
    </message>
    <message>
        <source>step %1 (image missing)</source>
        <translation>步驟 %1（找不到圖像）</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TargetListModel</name>
    <message>
        <source>Font</source>
        <translation>字型</translation>
    </message>
    <message>
        <source>Drawn images</source>
        <translation>手繪圖像</translation>
    </message>
    <message>
        <source>%1 (face %2)</source>
        <translation>%1（字面 %2）</translation>
    </message>
    <message>
        <source>error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>%1 / %2, %3 problem(s)</source>
        <translation>%1 / %2，%3 個問題</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>風格</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>涵蓋率</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TextPreviewWidget</name>
    <message>
        <source>Type a sentence</source>
        <translation>輸入一個句子</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>顯示(&amp;W)</translation>
    </message>
    <message>
        <source>Target font:</source>
        <translation>目標字型：</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>生成：</translation>
    </message>
    <message>
        <source>(a hand-drawn style has no font to set text with)</source>
        <translation>（手繪風格沒有可用來排版文字的字型）</translation>
    </message>
    <message>
        <source>The target font has every character of this sentence.</source>
        <translation>目標字型包含此句的所有字元。</translation>
    </message>
    <message>
        <source>Marked: characters the target font lacks (%1): only the model can draw them.</source>
        <translation>已標示：目標字型缺少的字元（%1）：只有模型能畫出它們。</translation>
    </message>
    <message>
        <source>Not drawn: the source font lacks %1 too, so the model has nothing to start from.</source>
        <translation>未繪製：來源字型也沒有 %1，模型無從生成。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TrainingPanel</name>
    <message>
        <source>Curves</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>檢查點</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續訓練</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>訓練：</translation>
    </message>
    <message>
        <source>Start New Run</source>
        <translation>開始新的訓練</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start a new run with the project's settings (Ctrl+R)</source>
        <translation>以專案設定開始新的訓練（Ctrl+R）</translation>
    </message>
    <message>
        <source>Finish the current step, save an “interrupted” checkpoint and stop</source>
        <translation>完成目前的步驟，儲存「已中斷」檢查點後停止</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v 步，共 %m 步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>無法讀取訓練紀錄：%1</translation>
    </message>
    <message>
        <source>%1 — %2, step %3</source>
        <translation>%1 — %2，步驟 %3</translation>
    </message>
    <message>
        <source>The run “%1” stopped before it finished. Resume it from its last checkpoint?</source>
        <translation>訓練「%1」在完成前就停止了。要從最後的檢查點繼續嗎？</translation>
    </message>
    <message>
        <source>Cannot read the run “%1”: %2</source>
        <translation>無法讀取訓練「%1」：%2</translation>
    </message>
    <message>
        <source>Run “%1”: %2 at step %3</source>
        <translation>訓練「%1」：%2，步驟 %3</translation>
    </message>
    <message>
        <source>Saving the project before training.</source>
        <translation>訓練前先儲存專案。</translation>
    </message>
    <message>
        <source>Resuming the run “%1”</source>
        <translation>正在繼續訓練「%1」</translation>
    </message>
    <message>
        <source>Starting the run “%1”</source>
        <translation>正在開始訓練「%1」</translation>
    </message>
    <message>
        <source>Preparing the dataset and the networks…</source>
        <translation>正在準備資料集與網路…</translation>
    </message>
    <message>
        <source>Preparing the dataset: %1</source>
        <translation>正在準備資料集：%1</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 images/s · ETA %3 · memory %4 · lr %5%6</source>
        <translation>第 %1 輪 · 每秒 %2 張圖像 · 剩餘 %3 · 記憶體 %4 · 學習率 %5%6</translation>
    </message>
    <message>
        <source> · %1 steps skipped</source>
        <translation> · 已略過 %1 步</translation>
    </message>
    <message>
        <source>Validation at step %1: L1 %2 (baseline %3) · SSIM %4 (baseline %5)</source>
        <translation>步驟 %1 的驗證：L1 %2（基準 %3）· SSIM %4（基準 %5）</translation>
    </message>
    <message>
        <source>The run “%1” finished at step %2.</source>
        <translation>訓練「%1」已在步驟 %2 完成。</translation>
    </message>
    <message>
        <source>The run “%1” stopped at step %2; it can be resumed.</source>
        <translation>訓練「%1」已在步驟 %2 停止，可以繼續。</translation>
    </message>
    <message>
        <source>The run “%1” failed: %2</source>
        <translation>訓練「%1」失敗：%2</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>完成此步驟後停止並儲存檢查點…</translation>
    </message>
    <message>
        <source>No runs yet: press Start New Run.</source>
        <translation>尚無訓練：請按「開始新的訓練」。</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>繼續…</translation>
    </message>
    <message>
        <source>Fine-tune…</source>
        <translation>微調…</translation>
    </message>
    <message>
        <source>Resume the chosen run where it stopped, or train a finished run for more steps</source>
        <translation>從中斷處恢復所選訓練，或讓已完成的訓練再多訓練幾步</translation>
    </message>
    <message>
        <source>Continue Run</source>
        <translation>繼續訓練</translation>
    </message>
    <message>
        <source>The run “%1” finished at step %2.
Train it on up to step:</source>
        <translation>訓練「%1」已在第 %2 步完成。
繼續訓練至第幾步：</translation>
    </message>
    <message>
        <source>Fine-tune From a Run</source>
        <translation>從某次訓練微調</translation>
    </message>
    <message>
        <source>Freeze the encoder (train the decoder and the style embedding)</source>
        <translation>凍結編碼器（只訓練解碼器與風格嵌入）</translation>
    </message>
    <message>
        <source>all styles</source>
        <translation>所有風格</translation>
    </message>
    <message>
        <source>Style ids, separated by commas: only these styles' examples are trained</source>
        <translation>風格編號，以逗號分隔：只訓練這些風格的樣本</translation>
    </message>
    <message>
        <source>Train only styles:</source>
        <translation>只訓練風格：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步數：</translation>
    </message>
    <message>
        <source>Start Fine-tuning</source>
        <translation>開始微調</translation>
    </message>
    <message>
        <source>“%1” is not a style id: use numbers separated by commas.</source>
        <translation>「%1」不是風格編號：請用逗號分隔的數字。</translation>
    </message>
    <message>
        <source>Continuing the run “%1” up to step %2</source>
        <translation>繼續訓練「%1」至第 %2 步</translation>
    </message>
    <message>
        <source>Starting the run “%1”, fine-tuned from “%2”</source>
        <translation>開始訓練「%1」，從「%2」微調</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <source>Train the run again from step 0; its damaged checkpoints are kept for inspection</source>
        <translation>從第 0 步重新訓練；損壞的檢查點會保留供檢查</translation>
    </message>
    <message>
        <source> · GPU memory %1</source>
        <translation> · GPU 記憶體 %1</translation>
    </message>
    <message>
        <source>The run “%1” cannot be resumed: none of its checkpoints is usable (see the log). Start it over from step 0? Its damaged checkpoints are kept for inspection.</source>
        <translation>無法繼續訓練「%1」：它的檢查點都無法使用（請看記錄）。要從第 0 步重新開始嗎？損壞的檢查點會保留供檢查。</translation>
    </message>
    <message>
        <source>Start a new run from a checkpoint (the best, or one you choose) of a trained run</source>
        <translation>從某次已完成訓練的檢查點（最佳的，或您選擇的）開始新的訓練</translation>
    </message>
    <message>
        <source>The best</source>
        <translation>最佳的</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>步驟 %1</translation>
    </message>
    <message>
        <source>Cannot list the checkpoints of “%1”: %2</source>
        <translation>無法列出「%1」的檢查點：%2</translation>
    </message>
    <message>
        <source>Start from the run:</source>
        <translation>從此訓練開始：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>檢查點：</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TrainingSettings</name>
    <message>
        <source>Steps:</source>
        <translation>步數：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>學習率：</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>驗證間隔：</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>檢查點間隔：</translation>
    </message>
    <message>
        <source>Keep last:</source>
        <translation>保留最近：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>種子：</translation>
    </message>
</context>
</TS>