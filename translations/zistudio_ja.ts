<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja">
<context>
    <name>AppSettings</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>見つかりません：%1</translation>
    </message>
</context>
<context>
    <name>CharsetChooser</name>
    <message>
        <source>GB2312 (Simplified Chinese)</source>
        <translation>GB2312（簡体字中国語）</translation>
    </message>
    <message>
        <source>GB2312 level 1 (common Simplified Chinese)</source>
        <translation>GB2312 第一水準（常用簡体字）</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体字中国語）</translation>
    </message>
    <message>
        <source>Big5 common (Traditional Chinese)</source>
        <translation>Big5 常用字（繁体字中国語）</translation>
    </message>
    <message>
        <source>JIS X 0208 kanji (Japanese)</source>
        <translation>JIS X 0208 漢字（日本語）</translation>
    </message>
    <message>
        <source>Jōyō kanji (Japanese)</source>
        <translation>常用漢字（日本語）</translation>
    </message>
    <message>
        <source>KS X 1001 Hangul (Korean)</source>
        <translation>KS X 1001 ハングル（韓国語）</translation>
    </message>
</context>
<context>
    <name>DatasetBuilder</name>
    <message>
        <source>not in font</source>
        <translation>フォントにない</translation>
    </message>
    <message>
        <source>empty outline</source>
        <translation>空のアウトライン</translation>
    </message>
    <message>
        <source>repeated (tofu)</source>
        <translation>重複（豆腐）</translation>
    </message>
    <message>
        <source>damaged glyph</source>
        <translation>グリフが破損</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>%1 training pairs, %2 validation pairs (%3 held-out characters), %4 images%5</source>
        <translation>学習ペア %1、検証ペア %2（検証用文字 %3）、画像 %4 枚%5</translation>
    </message>
    <message>
        <source> — unchanged, reused</source>
        <translation> — 変更なし、再利用</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters, %4 repeated</source>
        <translation>%1：%3 文字中 %2 文字、重複 %4</translation>
    </message>
    <message>
        <source>%1: %2 pairs (%3 train, %4 validation), %5 missing, %6 repeated, %7 problem files</source>
        <translation>%1：ペア %2（学習 %3、検証 %4）、欠落 %5、重複 %6、問題ファイル %7</translation>
    </message>
</context>
<context>
    <name>DatasetCheck</name>
    <message>
        <source>not in font</source>
        <translation>フォントにない</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>%1: %2 of %3 characters</source>
        <translation>%1：%3 文字中 %2 文字</translation>
    </message>
    <message>
        <source>%1: drawn images, counted when built</source>
        <translation>%1：手描き画像（構築時に集計）</translation>
    </message>
    <message>
        <source>Left out: %1 characters not in every font</source>
        <translation>除外：すべてのフォントにはない %1 文字</translation>
    </message>
</context>
<context>
    <name>DemoProject</name>
    <message>
        <source>%1 is missing</source>
        <translation>%1 がありません</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>cannot copy %1 to %2</source>
        <translation>%1 を %2 にコピーできません</translation>
    </message>
</context>
<context>
    <name>FontScan</name>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>No source font chosen.</source>
        <translation>ソースフォントが選ばれていません。</translation>
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
        <translation>ウィンドウの画像を保存して終了します。</translation>
    </message>
    <message>
        <source>The project file to open.</source>
        <translation>開くプロジェクトファイル。</translation>
    </message>
    <message>
        <source>The demo project (share/zistudio/demo) is not installed.</source>
        <translation>デモプロジェクト（share/zistudio/demo）がインストールされていません。</translation>
    </message>
    <message>
        <source>The demo project could not be copied: %1</source>
        <translation>デモプロジェクトをコピーできません：%1</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshot (default 1.5).</source>
        <translation>スクリーンショットまでの待ち時間（秒、既定 1.5）。</translation>
    </message>
    <message>
        <source>Benchmark: train cpu-64 on the demo for this many seconds and report the longest event-loop stall.</source>
        <translation>ベンチマーク：デモで cpu-64 を指定秒数学習し、イベントループの最長停止を報告します。</translation>
    </message>
    <message>
        <source>Where --measure-stalls writes its JSON result.</source>
        <translation>--measure-stalls が JSON 結果を書き出す場所。</translation>
    </message>
    <message>
        <source>Use the dark palette.</source>
        <translation>ダークパレットを使います。</translation>
    </message>
    <message>
        <source>Raise this panel or view first: project, fonts, dataset, model, training, log, attention, preview, compare, or export (the Export dialog; may be repeated).</source>
        <translation>最初に表示するパネルまたはビュー：project、fonts、dataset、model、training、log、attention、preview、compare、export（書き出しダイアログ；複数指定可）。</translation>
    </message>
    <message>
        <source>Open a saved study (zistudio-cli compare --save) in the Compare tab.</source>
        <translation>保存された研究（zistudio-cli compare --save）を「比較」タブで開きます。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AboutDialog</name>
    <message>
        <source>About ZiStudio</source>
        <translation>ZiStudio について</translation>
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
デバイス：%6</translation>
    </message>
    <message>
        <source>Train a neural network to draw the CJK glyphs you have not drawn yet, see what its attention layers look at, and export the result as a font.</source>
        <translation>まだ描いていない CJK グリフをニューラルネットワークに描かせ、アテンション層が何を見ているかを確かめ、結果をフォントとして書き出します。</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>GNU 一般公衆利用許諾書 第 3 版以降のもとで提供されます。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AttentionMatrixModel</name>
    <message>
        <source>A 1×1 map has a single position: attention here has nothing to attend to.</source>
        <translation>1×1 のマップは位置が一つだけなので、ここのアテンションには注目する対象がありません。</translation>
    </message>
    <message>
        <source>Self-attention over %1 positions of %2 channels</source>
        <translation>%1 位置・%2 チャンネルのセルフアテンション</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深さ</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>マップ</translation>
    </message>
    <message>
        <source>Encoder</source>
        <translation>エンコーダ</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>デコーダ</translation>
    </message>
    <message>
        <source>1 = the first down-sampling, the last = the bottleneck</source>
        <translation>1 = 最初のダウンサンプリング、最後 = ボトルネック</translation>
    </message>
    <message>
        <source>Size of the feature map at this depth</source>
        <translation>この深さの特徴マップのサイズ</translation>
    </message>
    <message>
        <source>Channels the encoder and the decoder attend over at this depth</source>
        <translation>この深さでエンコーダとデコーダが注意を向けるチャンネル数</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>チャンネル</translation>
    </message>
    <message>
        <source>Self-attention after the encoder's down-sampling at this depth</source>
        <translation>この深さのエンコーダのダウンサンプリング後の自己注意</translation>
    </message>
    <message>
        <source>Self-attention after the decoder's skip fusion at this depth</source>
        <translation>この深さのデコーダのスキップ結合後の自己注意</translation>
    </message>
    <message>
        <source>FLOPs of this depth's attention layers in one forward pass of the batch</source>
        <translation>バッチ 1 回の順伝播におけるこの深さの注意層の FLOPs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Memory of this depth's attention matrices for the batch</source>
        <translation>バッチ全体でのこの深さの注意行列のメモリ</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>行列</translation>
    </message>
    <message>
        <source>Trained on the CPU, a block of rows at a time: its matrix is never built, and the training memory estimate leaves it out.</source>
        <translation>CPU での学習では行をブロックごとに処理するため、この行列は作られず、学習メモリの見積もりにも含まれません。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::AttentionView</name>
    <message>
        <source>Click or drag on the glyph: where the selected layer looks from that point.</source>
        <translation>グリフ上をクリックまたはドラッグ：選択した層がその点からどこを見ているか。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Train a run to see where its attention layers look.</source>
        <translation>学習を実行すると、アテンション層がどこを見ているかを確認できます。</translation>
    </message>
    <message>
        <source>Type a character, or pick one of the run's sample or validation characters.</source>
        <translation>文字を入力するか、この実行のサンプル文字または検証文字から選びます。</translation>
    </message>
    <message>
        <source>C&amp;haracter:</source>
        <translation>文字(&amp;H)：</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>スタイル(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Point</source>
        <translation>点(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Stroke mean</source>
        <translation>ストローク平均(&amp;S)</translation>
    </message>
    <message>
        <source>Where the clicked position looks</source>
        <translation>クリックした位置がどこを見ているか</translation>
    </message>
    <message>
        <source>The mean over every ink position of the glyph</source>
        <translation>グリフのインクのある全位置の平均</translation>
    </message>
    <message>
        <source>over the generated glyph</source>
        <translation>生成グリフに重ねる</translation>
    </message>
    <message>
        <source>over the source glyph</source>
        <translation>ソースグリフに重ねる</translation>
    </message>
    <message>
        <source>Heatmap opacity</source>
        <translation>ヒートマップの不透明度</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>PNG を保存…</translation>
    </message>
    <message>
        <source>Save the selected layer's heatmap as a PNG image</source>
        <translation>選択した層のヒートマップを PNG 画像として保存</translation>
    </message>
    <message>
        <source>Heat:</source>
        <translation>ヒート：</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Attention: %1</source>
        <translation>アテンション：%1</translation>
    </message>
    <message>
        <source>Run “%1” has no attention layers: switch some on in the Model panel and train a new run.</source>
        <translation>実行「%1」にはアテンション層がありません。モデルパネルでいくつか有効にして、新しく学習してください。</translation>
    </message>
    <message>
        <source>Blend the two styles: left is pure style A, right pure style B.</source>
        <translation>2 つのスタイルを混ぜます：左端は純粋なスタイル A、右端は純粋なスタイル B。</translation>
    </message>
    <message>
        <source>This run learns one style: there is nothing to blend.</source>
        <translation>この実行が学習するスタイルは 1 つだけなので、混ぜるものがありません。</translation>
    </message>
    <message>
        <source>live from the training run, step %1</source>
        <translation>学習中の実行からライブ、ステップ %1</translation>
    </message>
    <message>
        <source>checkpoint step %1</source>
        <translation>チェックポイント ステップ %1</translation>
    </message>
    <message>
        <source>%1 attention layer(s)</source>
        <translation>アテンション層 %1 個</translation>
    </message>
    <message>
        <source>probe %1 ms</source>
        <translation>プローブ %1 ms</translation>
    </message>
    <message>
        <source>heatmaps of the dominant style</source>
        <translation>ヒートマップは比重が最大のスタイルのもの</translation>
    </message>
    <message>
        <source>source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>target: none</source>
        <translation>ターゲット：なし</translation>
    </message>
    <message>
        <source>target</source>
        <translation>ターゲット</translation>
    </message>
    <message>
        <source>%1 · %2×%3 · γ %4</source>
        <translation>%1 · %2×%3 · γ %4</translation>
    </message>
    <message>
        <source>A 1×1 map: one position, nothing to attend to.</source>
        <translation>1×1 のマップ：位置が 1 つしかなく、注目する対象がありません。</translation>
    </message>
    <message>
        <source>γ ≈ 0: this layer adds (almost) nothing to its input yet.</source>
        <translation>γ ≈ 0：この層はまだ入力に（ほとんど）何も加えていません。</translation>
    </message>
    <message>
        <source>γ scales what the layer adds to its input.</source>
        <translation>γ は、この層が入力に加えるものの大きさを決めます。</translation>
    </message>
    <message>
        <source>there is no heatmap to save yet</source>
        <translation>保存できるヒートマップはまだありません</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>Save Heatmap</source>
        <translation>ヒートマップを保存</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Saved the heatmap to %1</source>
        <translation>ヒートマップを %1 に保存しました</translation>
    </message>
    <message>
        <source>Could not save the heatmap: %1</source>
        <translation>ヒートマップを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>1 position</source>
        <translation>位置 1 つのみ</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>This run has no attention layers (its placement is “none”), so there is no map to show; the glyphs on the left are still its own. Runs trained with attention layers (Model panel → Self-attention per depth) show here where each layer looks.</source>
        <translation>この学習にはアテンション層がありません（配置は「none」）。表示するマップはありません。左のグリフはこの学習自身のものです。アテンション層付きで学習すると（モデルパネル → 深さごとのセルフアテンション）、各層がどこを見ているかがここに表示されます。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CharsetChooser</name>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Characters typed below</source>
        <translation>下に入力した文字</translation>
    </message>
    <message>
        <source>Characters from a text file</source>
        <translation>テキストファイルの文字</translation>
    </message>
    <message>
        <source>Type or paste the characters to train on</source>
        <translation>学習する文字を入力または貼り付け</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Charset:</source>
        <translation>文字セット：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル：</translation>
    </message>
    <message>
        <source>Use at most:</source>
        <translation>最大数：</translation>
    </message>
    <message>
        <source>Choose a Charset File</source>
        <translation>文字セットファイルを選択</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>テキストファイル (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 文字</translation>
    </message>
    <message>
        <source>Only characters every chosen font has</source>
        <translation>選んだすべてのフォントにある文字だけ</translation>
    </message>
    <message>
        <source>Leave out the characters that the source font or any target font lacks, before the limit is applied (hand-drawn folders do not count).</source>
        <translation>上限を適用する前に、ソースフォントまたはいずれかのターゲットフォントにない文字を除きます（手書きフォルダーは対象外）。</translation>
    </message>
    <message>
        <source>At most %1 characters: only those every font has</source>
        <translation>最大 %1 文字：すべてのフォントにある文字のみ</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CheckpointList</name>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>★ best by validation · pinned checkpoints are kept</source>
        <translation>★ 検証で最良 · ピン留めしたチェックポイントは保持されます</translation>
    </message>
    <message>
        <source>Cannot change the pin of step %1: %2</source>
        <translation>ステップ %1 のピンを変更できません：%2</translation>
    </message>
    <message>
        <source>Pinned the checkpoint of step %1</source>
        <translation>ステップ %1 のチェックポイントをピン留めしました</translation>
    </message>
    <message>
        <source>Unpinned the checkpoint of step %1</source>
        <translation>ステップ %1 のチェックポイントのピンを外しました</translation>
    </message>
    <message>
        <source>Cannot read the checkpoints: %1</source>
        <translation>チェックポイントを読み込めません：%1</translation>
    </message>
    <message>
        <source>Step %1 is the best checkpoint of this run. Delete it anyway?</source>
        <translation>ステップ %1 はこの実行で最良のチェックポイントです。それでも削除しますか？</translation>
    </message>
    <message>
        <source>Delete the checkpoint of step %1?</source>
        <translation>ステップ %1 のチェックポイントを削除しますか？</translation>
    </message>
    <message>
        <source>Delete Checkpoint</source>
        <translation>チェックポイントを削除</translation>
    </message>
    <message>
        <source>Deleted the checkpoint of step %1</source>
        <translation>ステップ %1 のチェックポイントを削除しました</translation>
    </message>
    <message>
        <source>Cannot delete the checkpoint of step %1: %2</source>
        <translation>ステップ %1 のチェックポイントを削除できません：%2</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CheckpointModel</name>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>final</source>
        <translation>最終</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>ロールバック</translation>
    </message>
    <message>
        <source>regular</source>
        <translation>通常</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最良</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>ピン留め</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Val L1</source>
        <translation>検証 L1</translation>
    </message>
    <message>
        <source>Val SSIM</source>
        <translation>検証 SSIM</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::CompareView</name>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Glyph grid characters (empty: held-out ones)</source>
        <translation>グリフ表の文字（空欄：検証用の文字）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV を書き出す…</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG を書き出す…</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>比較できません：%1</translation>
    </message>
    <message>
        <source>No run has a validated checkpoint yet.</source>
        <translation>検証済みのチェックポイントを持つ実行はまだありません。</translation>
    </message>
    <message>
        <source>Every scored run has the same placement: nothing to compare it with.</source>
        <translation>採点済みの実行はすべて同じ配置です：比較する相手がありません。</translation>
    </message>
    <message>
        <source>%1 (%2) is best: %3 %4 vs %5 for %6 (%7), margin %8.</source>
        <translation>%1（%2）が最良：%3 %4、%6（%7）は %5、差 %8。</translation>
    </message>
    <message>
        <source>Noise unknown: no placement was trained twice (add a repeat with another seed).</source>
        <translation>ノイズ不明：2 回学習した配置がありません（別のシードで繰り返しを追加してください）。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>target</source>
        <translation>ターゲット</translation>
    </message>
    <message>
        <source>Export Comparison as CSV</source>
        <translation>比較を CSV で書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Export Comparison Figure</source>
        <translation>比較図を書き出す</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Close Study</source>
        <translation>研究を閉じる</translation>
    </message>
    <message>
        <source>Open Study…</source>
        <translation>研究を開く…</translation>
    </message>
    <message>
        <source>Show a saved study (zistudio-cli compare --save) without its project or checkpoints</source>
        <translation>保存された研究（zistudio-cli compare --save）をプロジェクトやチェックポイントなしで表示します</translation>
    </message>
    <message>
        <source>Study %1: saved results, checkpoints not needed. Check runs to compare them.</source>
        <translation>研究 %1：保存済みの結果で、チェックポイントは不要です。比較する実行をチェックしてください。</translation>
    </message>
    <message>
        <source>Check two runs or more to compare them. Train one run per attention placement on equal terms with: zistudio-cli sweep --project FILE --attention "none;enc:3" --seeds 2</source>
        <translation>比較するには実行を 2 つ以上チェックしてください。同じ条件でアテンション配置ごとに 1 回ずつ学習するには：zistudio-cli sweep --project FILE --attention "none;enc:3" --seeds 2</translation>
    </message>
    <message>
        <source>Reading the study…</source>
        <translation>研究を読み込んでいます…</translation>
    </message>
    <message>
        <source>Cannot open the study: %1</source>
        <translation>研究を開けません：%1</translation>
    </message>
    <message>
        <source>Open Study</source>
        <translation>研究を開く</translation>
    </message>
    <message>
        <source>Saved comparisons (*.json)</source>
        <translation>保存された比較 (*.json)</translation>
    </message>
    <message>
        <source>%1 is best: mean %2 %3 over %4 runs (best run %5) vs %6 for %7 over %8 runs (best run %9).</source>
        <translation>%1 が最良：%4 回の実行で %2 の平均 %3（最良の実行 %5）、%7 は %6（%8 回の実行、最良の実行 %9）。</translation>
    </message>
    <message>
        <source>Margin %1.</source>
        <translation>差 %1。</translation>
    </message>
    <message>
        <source>Run-to-run noise %1 (%2, %3 seeds: the wider seed spread of the two).</source>
        <translation>実行間のノイズ %1（%2、シード %3 個：2 つのうち大きい方のシード間のばらつき）。</translation>
    </message>
    <message>
        <source>Run-to-run noise %1 (%2, %3 seeds: the widest of any placement, as %4).</source>
        <translation>実行間のノイズ %1（%2、シード %3 個：全配置で最大のばらつき。%4 ため）。</translation>
    </message>
    <message>
        <source>%1 and %2 have one seed each</source>
        <translation>%1 と %2 はシードが 1 つずつしかない</translation>
    </message>
    <message>
        <source>%1 has one seed</source>
        <translation>%1 はシードが 1 つしかない</translation>
    </message>
    <message>
        <source>The margin exceeds the noise.</source>
        <translation>差はノイズを上回っています。</translation>
    </message>
    <message>
        <source>The margin is within the noise, so the ranking may be chance.</source>
        <translation>差はノイズの範囲内なので、順位は偶然かもしれません。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ComparisonPlot</name>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>validation L1</source>
        <translation>検証 L1</translation>
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
        <translation>実行</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Best step</source>
        <translation>最良ステップ</translation>
    </message>
    <message>
        <source>Val L1</source>
        <translation>検証 L1</translation>
    </message>
    <message>
        <source>Val SSIM</source>
        <translation>検証 SSIM</translation>
    </message>
    <message>
        <source>G params</source>
        <translation>G パラメータ</translation>
    </message>
    <message>
        <source>Step time</source>
        <translation>ステップ時間</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>最大常駐メモリ</translation>
    </message>
    <message>
        <source>Est. memory</source>
        <translation>推定メモリ</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::DatasetPanel</name>
    <message>
        <source>Coverage</source>
        <translation>カバー率</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Glyph images</source>
        <translation>グリフ画像</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ：</translation>
    </message>
    <message>
        <source>Em box (keeps size and position)</source>
        <translation>em ボックス（大きさと位置を保持）</translation>
    </message>
    <message>
        <source>Fit to ink (centred, scaled)</source>
        <translation>インクに合わせる（中央寄せ・拡大縮小）</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Fit margin:</source>
        <translation>余白：</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>検証用の分割</translation>
    </message>
    <message>
        <source>Held out:</source>
        <translation>検証用の割合：</translation>
    </message>
    <message>
        <source>Characters always held out, e.g. 永東國</source>
        <translation>常に検証用にする文字（例：永東國）</translation>
    </message>
    <message>
        <source>Always validate:</source>
        <translation>常に検証：</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>分割シード：</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>構築</translation>
    </message>
    <message>
        <source>Build Dataset</source>
        <translation>データセットを構築</translation>
    </message>
    <message>
        <source>Render every source/target pair (reused when nothing changed)</source>
        <translation>すべてのソース／ターゲットのペアを描画（変更がなければ再利用）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>%1 × %1 px (set by the model)</source>
        <translation>%1 × %1 px（モデルで設定）</translation>
    </message>
    <message>
        <source>Save the project first: the dataset is stored beside it.</source>
        <translation>先にプロジェクトを保存してください。データセットはその隣に保存されます。</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>構築中…</translation>
    </message>
    <message>
        <source>Building the dataset in %1</source>
        <translation>%1 にデータセットを構築しています</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>Dataset build cancelled.</source>
        <translation>データセットの構築をキャンセルしました。</translation>
    </message>
    <message>
        <source>The dataset could not be built: %1</source>
        <translation>データセットを構築できません：%1</translation>
    </message>
    <message>
        <source>Dataset ready: %1</source>
        <translation>データセットの準備完了：%1</translation>
    </message>
    <message>
        <source>Built for earlier settings: build again to use the current ones.</source>
        <translation>以前の設定で構築されています。現在の設定を使うには再構築してください。</translation>
    </message>
    <message>
        <source>Drop tofu (repeated bitmaps)</source>
        <translation>豆腐（重複ビットマップ）を除外</translation>
    </message>
    <message>
        <source>Leave out glyphs whose bitmap or glyph serves many characters: the placeholder boxes some fonts draw for characters they do not have.</source>
        <translation>同じビットマップやグリフが多くの文字に使われているグリフを除外します。フォントが持たない文字に描く代替の四角形です。</translation>
    </message>
    <message>
        <source>The dataset is stored beside the project file: save the project first.</source>
        <translation>データセットはプロジェクトファイルの隣に保存されます：先にプロジェクトを保存してください。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ExportDialog</name>
    <message>
        <source>Export Glyphs</source>
        <translation>グリフの書き出し</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>実行：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>チェックポイント：</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>The run’s characters</source>
        <translation>この実行で学習した文字</translation>
    </message>
    <message>
        <source>The reviewed characters</source>
        <translation>レビュー済みの文字</translation>
    </message>
    <message>
        <source>A built-in charset</source>
        <translation>組み込みの文字セット</translation>
    </message>
    <message>
        <source>A charset file</source>
        <translation>文字セットファイル</translation>
    </message>
    <message>
        <source>Typed characters</source>
        <translation>入力した文字</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Also glyphs nobody has reviewed</source>
        <translation>未レビューのグリフも含める</translation>
    </message>
    <message>
        <source>Rejected glyphs are always left out. Once some of the chosen glyphs have been reviewed, the unreviewed ones wait unless this is ticked.</source>
        <translation>却下したグリフは常に除外されます。選んだグリフの一部をレビュー済みなら、このチェックがない限り未レビューのグリフは保留されます。</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>書き出し：</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>PNG per glyph</source>
        <translation>グリフごとの PNG</translation>
    </message>
    <message>
        <source>Contact sheets</source>
        <translation>一覧シート</translation>
    </message>
    <message>
        <source>SVG per glyph</source>
        <translation>グリフごとの SVG</translation>
    </message>
    <message>
        <source>UFO 3</source>
        <translation>UFO 3</translation>
    </message>
    <message>
        <source>with the bitmaps as background images</source>
        <translation>ビットマップを背景画像として含める</translation>
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
        <translation>TrueType フォントに統合：</translation>
    </message>
    <message>
        <source>Writes &lt;font&gt;-merged.ttf: the font with the generated glyphs it lacks added.</source>
        <translation>&lt;フォント&gt;-merged.ttf を書き出します：フォントにない生成グリフを追加したものです。</translation>
    </message>
    <message>
        <source>Font Names</source>
        <translation>フォント名</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>ファミリー：</translation>
    </message>
    <message>
        <source>Style:</source>
        <translation>スタイル：</translation>
    </message>
    <message>
        <source>Outlines (potrace)</source>
        <translation>アウトライン（potrace）</translation>
    </message>
    <message>
        <source>Specks of at most this many pixels are dropped.</source>
        <translation>このピクセル数以下の小さな点を取り除きます。</translation>
    </message>
    <message>
        <source>Corner threshold: 0 draws a polygon, higher values round more corners.</source>
        <translation>角のしきい値：0 で多角形、値が大きいほど角が丸くなります。</translation>
    </message>
    <message>
        <source>Curve optimisation: higher values join more curves (fewer points, less exact).</source>
        <translation>曲線の最適化：値が大きいほど曲線をまとめます（点が少なく、精度は下がります）。</translation>
    </message>
    <message>
        <source>Speck size:</source>
        <translation>点のサイズ：</translation>
    </message>
    <message>
        <source>Corners:</source>
        <translation>角：</translation>
    </message>
    <message>
        <source>Curve tolerance:</source>
        <translation>曲線の許容差：</translation>
    </message>
    <message>
        <source>Preview character:</source>
        <translation>プレビュー文字：</translation>
    </message>
    <message>
        <source>Generated bitmap</source>
        <translation>生成されたビットマップ</translation>
    </message>
    <message>
        <source>Traced outline</source>
        <translation>トレースしたアウトライン</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>フォルダー：</translation>
    </message>
    <message>
        <source>What the export wrote and what it left out appears here.</source>
        <translation>書き出した内容と除外した内容がここに表示されます。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>書き出しをキャンセル</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Choose a Charset File</source>
        <translation>文字セットファイルを選択</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>テキストファイル (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose the Font to Merge Into</source>
        <translation>統合先のフォントを選択</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf)</source>
        <translation>TrueType フォント (*.ttf)</translation>
    </message>
    <message>
        <source>Export Into</source>
        <translation>書き出し先</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最良</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation>（最良）</translation>
    </message>
    <message>
        <source>A UTF-8 text file of characters</source>
        <translation>書き出す文字を記した UTF-8 テキストファイル</translation>
    </message>
    <message>
        <source>The characters to export, e.g. 永和九年</source>
        <translation>書き出す文字（例：永和九年）</translation>
    </message>
    <message>
        <source>Save the project first: runs live beside the project file.</source>
        <translation>先にプロジェクトを保存してください：実行はプロジェクトファイルの隣に保存されます。</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>書き出し先のフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Choose the TrueType font to merge into.</source>
        <translation>統合先の TrueType フォントを選んでください。</translation>
    </message>
    <message>
        <source>Loading run %1…</source>
        <translation>実行 %1 を読み込み中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Export cancelled; the folder is as it was.</source>
        <translation>書き出しをキャンセルしました。フォルダーは元のままです。</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>書き出しに失敗しました。</translation>
    </message>
    <message>
        <source>Exported %1 glyphs from step %2.</source>
        <translation>ステップ %2 の %1 グリフを書き出しました。</translation>
    </message>
    <message>
        <source>%1 glyphs written, %2 with outlines, into %3:</source>
        <translation>%1 グリフ（うちアウトライン付き %2）を %3 に書き出しました：</translation>
    </message>
    <message>
        <source>Left out: %1 rejected, %2 not reviewed yet.</source>
        <translation>除外：却下 %1、未レビュー %2。</translation>
    </message>
    <message>
        <source>Skipped %1 %2: %3</source>
        <translation>スキップ %1 %2：%3</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注記：%1</translation>
    </message>
    <message>
        <source>Merged: added %1 glyphs, kept %2 the font already had.</source>
        <translation>統合：%1 グリフを追加し、フォントにあった %2 グリフはそのままにしました。</translation>
    </message>
    <message>
        <source>Train a run first: there is nothing to export yet.</source>
        <translation>先に学習を実行してください：書き出すものがまだありません。</translation>
    </message>
    <message>
        <source>Type a character to preview.</source>
        <translation>プレビューする文字を入力してください。</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>%1 を生成中…</translation>
    </message>
    <message>
        <source>The source font has no glyph for %1.</source>
        <translation>ソースフォントに %1 のグリフがありません。</translation>
    </message>
    <message>
        <source>Outline: %1 segments in %2 contours</source>
        <translation>アウトライン：%2 輪郭、%1 セグメント</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::FontProbe</name>
    <message>
        <source>cannot start the font checker %1: %2</source>
        <translation>フォントチェッカー %1 を起動できません：%2</translation>
    </message>
    <message>
        <source>the font checker did not finish within %1 s and was stopped: the font may be built to hang font software</source>
        <translation>フォントチェッカーが %1 秒以内に終わらず停止しました。フォントソフトを停止させるよう作られたフォントかもしれません</translation>
    </message>
    <message>
        <source>the font checker printed more than %1 bytes and was stopped</source>
        <translation>フォントチェッカーの出力が %1 バイトを超えたため停止しました</translation>
    </message>
    <message>
        <source>the font checker crashed with %1 while reading the font%2</source>
        <translation>フォントチェッカーがフォントの読み込み中に %1 でクラッシュしました%2</translation>
    </message>
    <message>
        <source> (it may have run out of its %1 s of CPU time)</source>
        <translation>（%1 秒の CPU 時間を使い切った可能性があります）</translation>
    </message>
    <message>
        <source>the font checker ran out of memory (limit %1 MiB) while reading the font</source>
        <translation>フォントチェッカーがフォントの読み込み中にメモリ不足になりました（上限 %1 MiB）</translation>
    </message>
    <message>
        <source>the font checker exited with status %1 without a valid report%2</source>
        <translation>フォントチェッカーがステータス %1 で終了し、有効な報告がありません%2</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::FontsPanel</name>
    <message>
        <source>Sample glyphs</source>
        <translation>サンプルグリフ</translation>
    </message>
    <message>
        <source>Characters to show (default: the first of the charset)</source>
        <translation>表示する文字（既定：文字セットの先頭）</translation>
    </message>
    <message>
        <source>Source font (the style the network reads)</source>
        <translation>ソースフォント（ネットワークが読むスタイル）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル：</translation>
    </message>
    <message>
        <source>Face:</source>
        <translation>フェイス：</translation>
    </message>
    <message>
        <source>Coverage:</source>
        <translation>カバー率：</translation>
    </message>
    <message>
        <source>Target styles (what the network learns to draw)</source>
        <translation>ターゲットスタイル（ネットワークが描き方を学ぶもの）</translation>
    </message>
    <message>
        <source>Add Font…</source>
        <translation>フォントを追加…</translation>
    </message>
    <message>
        <source>Add Image Folder…</source>
        <translation>画像フォルダーを追加…</translation>
    </message>
    <message>
        <source>Face…</source>
        <translation>フェイス…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Tip: drop font files or image folders here; a font dropped on the source box becomes the source.</source>
        <translation>ヒント：フォントファイルや画像フォルダーをここにドロップできます。ソース欄にドロップしたフォントはソースになります。</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;All files (*)</source>
        <translation>フォント (*.ttf *.otf *.ttc *.otc *.TTF *.OTF *.TTC *.OTC);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>%1 — charset: %2</source>
        <translation>%1 — 文字セット：%2</translation>
    </message>
    <message>
        <source>%1 — covers %2 of %3 characters</source>
        <translation>%1 — %3 文字中 %2 文字をカバー</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>All %1 faces, one style each</source>
        <translation>全 %1 フェイス（各々を一つのスタイルに）</translation>
    </message>
    <message>
        <source>Choose a Face</source>
        <translation>フェイスを選択</translation>
    </message>
    <message>
        <source>%1 holds several faces:</source>
        <translation>%1 には複数のフェイスがあります：</translation>
    </message>
    <message>
        <source>Source font: %1</source>
        <translation>ソースフォント：%1</translation>
    </message>
    <message>
        <source>Target added: %1</source>
        <translation>ターゲットを追加しました：%1</translation>
    </message>
    <message>
        <source>Choose the Source Font</source>
        <translation>ソースフォントを選択</translation>
    </message>
    <message>
        <source>Add Target Fonts</source>
        <translation>ターゲットフォントを追加</translation>
    </message>
    <message>
        <source>Add a Folder of Drawn Glyphs</source>
        <translation>手描きグリフのフォルダーを追加</translation>
    </message>
    <message>
        <source>Not a font file or a folder: %1</source>
        <translation>フォントファイルでもフォルダーでもありません：%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MainWindow</name>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>ZiStudio started on %1</source>
        <translation>ZiStudio を %1 で起動しました</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>フォント</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Dark Palette</source>
        <translation>ダークパレット(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ZiStudio</source>
        <translation>ZiStudio について(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language applies the next time ZiStudio starts.</source>
        <translation>新しい言語は次回 ZiStudio を起動したときに適用されます。</translation>
    </message>
    <message>
        <source>The run “%1” was interrupted. The Training panel offers to resume it.</source>
        <translation>実行「%1」は中断されていました。学習パネルから再開できます。</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start New Run</source>
        <translation>新しい実行を開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause / Continue</source>
        <translation>一時停止／続行(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>%1 parameters · %2 FLOPs/step</source>
        <translation>パラメーター %1 · 1 ステップ %2 FLOPs</translation>
    </message>
    <message>
        <source>Not training</source>
        <translation>学習していません</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>%1 を学習中</translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation>%1 を一時停止中</translation>
    </message>
    <message>
        <source>Stopping %1</source>
        <translation>%1 を停止中</translation>
    </message>
    <message>
        <source>%1[*] — ZiStudio</source>
        <translation>%1[*] — ZiStudio</translation>
    </message>
    <message>
        <source>Training Is Running</source>
        <translation>学習中です</translation>
    </message>
    <message>
        <source>Stop the run (it saves a checkpoint and can be resumed) and quit?</source>
        <translation>実行を停止して（チェックポイントを保存し、後で再開できます）終了しますか？</translation>
    </message>
    <message>
        <source>Stopping the run before quitting…</source>
        <translation>終了する前に実行を停止しています…</translation>
    </message>
    <message>
        <source>&amp;Export Glyphs…</source>
        <translation>グリフの書き出し(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the project first: its runs, and so what there is to export, live beside the project file.</source>
        <translation>先にプロジェクトを保存してください：実行と書き出せる内容はプロジェクトファイルの隣にあります。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MetricsPlot</name>
    <message>
        <source>Log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>検証</translation>
    </message>
    <message>
        <source>Smoothing %1</source>
        <translation>平滑化 %1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::MissingGlyphModel</name>
    <message>
        <source>Char</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>スタイル</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ModelPanel</name>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>cpu-64 (64 px, ngf 32)</source>
        <translation>cpu-64（64 px、ngf 32）</translation>
    </message>
    <message>
        <source>classic-256 (zi2zi)</source>
        <translation>classic-256（zi2zi）</translation>
    </message>
    <message>
        <source>attn-256 (attention at 32×32 and 16×16)</source>
        <translation>attn-256（32×32 と 16×16 にアテンション）</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>プリセット：</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation>画像サイズ：</translation>
    </message>
    <message>
        <source>Generator width (ngf):</source>
        <translation>生成器の幅（ngf）：</translation>
    </message>
    <message>
        <source>Discriminator width (ndf):</source>
        <translation>識別器の幅（ndf）：</translation>
    </message>
    <message>
        <source>Style embeddings:</source>
        <translation>スタイル埋め込み数：</translation>
    </message>
    <message>
        <source>Embedding size:</source>
        <translation>埋め込みの次元：</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>バッチ正規化</translation>
    </message>
    <message>
        <source>Instance norm</source>
        <translation>インスタンス正規化</translation>
    </message>
    <message>
        <source>Normalisation:</source>
        <translation>正規化：</translation>
    </message>
    <message>
        <source>Transposed convolution</source>
        <translation>転置畳み込み</translation>
    </message>
    <message>
        <source>Pixel shuffle</source>
        <translation>ピクセルシャッフル</translation>
    </message>
    <message>
        <source>Up-sampling:</source>
        <translation>アップサンプリング：</translation>
    </message>
    <message>
        <source>Concatenate</source>
        <translation>連結</translation>
    </message>
    <message>
        <source>Residual (add)</source>
        <translation>残差（加算）</translation>
    </message>
    <message>
        <source>Skip connections:</source>
        <translation>スキップ接続：</translation>
    </message>
    <message>
        <source>Decoder dropout:</source>
        <translation>デコーダのドロップアウト：</translation>
    </message>
    <message>
        <source>Spectral norm in the discriminator</source>
        <translation>識別器にスペクトル正規化</translation>
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
        <translation>デバイス：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>バッチサイズ：</translation>
    </message>
    <message>
        <source>Self-attention per depth</source>
        <translation>深さごとのセルフアテンション</translation>
    </message>
    <message>
        <source>Tick a side to add a self-attention layer after that depth. A new layer starts as an identity (γ = 0), so it can be added to a trained model.</source>
        <translation>側にチェックを入れると、その深さの後にセルフアテンション層が入ります。新しい層は恒等写像（γ = 0）から始まるので、学習済みモデルにも追加できます。</translation>
    </message>
    <message>
        <source>Cost (from the cost model)</source>
        <translation>コスト（コストモデルより）</translation>
    </message>
    <message>
        <source>Generator parameters:</source>
        <translation>生成器のパラメーター：</translation>
    </message>
    <message>
        <source>Discriminator parameters:</source>
        <translation>識別器のパラメーター：</translation>
    </message>
    <message>
        <source>Attention parameters:</source>
        <translation>アテンションのパラメーター：</translation>
    </message>
    <message>
        <source>Generator FLOPs per image:</source>
        <translation>画像 1 枚あたりの生成器 FLOPs：</translation>
    </message>
    <message>
        <source>FLOPs per training step:</source>
        <translation>学習 1 ステップあたりの FLOPs：</translation>
    </message>
    <message>
        <source>Attention matrices:</source>
        <translation>アテンション行列：</translation>
    </message>
    <message>
        <source>Training memory (estimate):</source>
        <translation>学習時のメモリ（推定）：</translation>
    </message>
    <message>
        <source>This configuration is not valid: %1</source>
        <translation>この設定は無効です：%1</translation>
    </message>
    <message>
        <source>Placement: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>encoder</source>
        <translation>エンコーダ</translation>
    </message>
    <message>
        <source>decoder</source>
        <translation>デコーダ</translation>
    </message>
    <message>
        <source>The %1 layer at depth %2 sits on a 1×1 map: it has nothing to attend to.</source>
        <translation>深さ %2 の%1層は 1×1 のマップ上にあり、注目する対象がありません。</translation>
    </message>
    <message>
        <source>The %1 layer at depth %2 needs %3 for its attention matrix at batch %4.</source>
        <translation>深さ %2 の%1層は、バッチ %4 でアテンション行列に %3 を必要とします。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>%1, not built on the CPU</source>
        <translation>%1、CPU では作られません</translation>
    </message>
    <message>
        <source>On the CPU, attention over 256 positions or more is computed a block of rows at a time: those matrices are never built, and the training memory estimate leaves them out.</source>
        <translation>CPU では 256 位置以上のアテンションを行のブロックごとに計算するため、これらの行列は作られず、学習メモリの見積もりにも含まれません。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::PreviewModel</name>
    <message>
        <source>accepted</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>不採用</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>要確認</translation>
    </message>
    <message>
        <source>%1 has no glyph for this character</source>
        <translation>%1 にはこの文字のグリフがありません</translation>
    </message>
    <message>
        <source>%1: L1 %2, SSIM %3</source>
        <translation>%1：L1 %2、SSIM %3</translation>
    </message>
    <message>
        <source>No target glyph to compare with</source>
        <translation>比較するターゲットグリフがありません</translation>
    </message>
    <message>
        <source>Char</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>レビュー</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
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
        <translation>ターゲット
%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::PreviewView</name>
    <message>
        <source>Glyphs</source>
        <translation>グリフ</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Train a run to preview its glyphs.</source>
        <translation>学習を実行すると、そのグリフをプレビューできます。</translation>
    </message>
    <message>
        <source>&amp;Validation set</source>
        <translation>検証セット(&amp;V)</translation>
    </message>
    <message>
        <source>T&amp;yped:</source>
        <translation>入力した文字(&amp;Y)：</translation>
    </message>
    <message>
        <source>The characters the run never trained on</source>
        <translation>この実行が学習に使わなかった文字</translation>
    </message>
    <message>
        <source>characters to preview</source>
        <translation>プレビューする文字</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>採用</translation>
    </message>
    <message>
        <source>Accept the selected glyphs (A)</source>
        <translation>選択したグリフを採用（A）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不採用</translation>
    </message>
    <message>
        <source>Reject the selected glyphs: export leaves them out (R)</source>
        <translation>選択したグリフを不採用にします：書き出しから除外されます（R）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>要確認</translation>
    </message>
    <message>
        <source>Flag the selected glyphs for another look (F)</source>
        <translation>選択したグリフに後で見直す印を付けます（F）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Forget the verdict on the selected glyphs (Backspace)</source>
        <translation>選択したグリフの判定を取り消します（Backspace）</translation>
    </message>
    <message>
        <source>Worst glyphs (click a header to sort):</source>
        <translation>最も悪いグリフ（見出しをクリックで並べ替え）：</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>プレビュー：%1</translation>
    </message>
    <message>
        <source>Run “%1”, checkpoint step %2 · %3</source>
        <translation>実行「%1」、チェックポイント ステップ %2 · %3</translation>
    </message>
    <message>
        <source>Select glyphs in the grid or the list first.</source>
        <translation>先にグリッドまたはリストでグリフを選んでください。</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>未レビュー</translation>
    </message>
    <message>
        <source>Generating %1 glyph(s)…</source>
        <translation>%1 個のグリフを生成中…</translation>
    </message>
    <message>
        <source>Cancelled after %1 glyph(s).</source>
        <translation>%1 個のグリフで取り消しました。</translation>
    </message>
    <message>
        <source>%1 glyph(s) from checkpoint step %2.</source>
        <translation>チェックポイント ステップ %2 のグリフ %1 個。</translation>
    </message>
    <message>
        <source>Mean L1 %1 over %2 glyph(s) with a target.</source>
        <translation>ターゲットのある %2 個のグリフの平均 L1 は %1。</translation>
    </message>
    <message>
        <source>%1 glyph(s) marked %2 (saved with the project).</source>
        <translation>%1 個のグリフを「%2」にしました（プロジェクトに保存されます）。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectController</name>
    <message>
        <source>&amp;New Project</source>
        <translation>新規プロジェクト(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>プロジェクトを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>The project “%1” has unsaved changes. Save them?</source>
        <translation>プロジェクト「%1」に未保存の変更があります。保存しますか？</translation>
    </message>
    <message>
        <source>New project. Choose a source font and target fonts in the Fonts panel.</source>
        <translation>新しいプロジェクトです。フォントパネルでソースフォントとターゲットフォントを選んでください。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>ZiStudio projects (*.zistudio);;All files (*)</source>
        <translation>ZiStudio プロジェクト (*.zistudio);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open the project: %1</source>
        <translation>プロジェクトを開けません：%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
    <message>
        <source>Cannot save the project: %1</source>
        <translation>プロジェクトを保存できません：%1</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>プロジェクトに名前を付けて保存</translation>
    </message>
    <message>
        <source>ZiStudio projects (*.zistudio)</source>
        <translation>ZiStudio プロジェクト (*.zistudio)</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>The project has no file yet: use Save As.</source>
        <translation>このプロジェクトにはまだファイルがありません。「名前を付けて保存」を使ってください。</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::ProjectPanel</name>
    <message>
        <source>Name:</source>
        <translation>名前：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状態：</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Recent Projects</source>
        <translation>最近のプロジェクト</translation>
    </message>
    <message>
        <source>(not saved yet)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>未保存の変更あり</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>custom text</source>
        <translation>入力した文字</translation>
    </message>
    <message>
        <source> (first %1)</source>
        <translation>（先頭 %1 文字）</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>ソース：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Target styles: %1</source>
        <translation>ターゲットスタイル：%1</translation>
    </message>
    <message>
        <source>Characters: %1</source>
        <translation>文字：%1</translation>
    </message>
    <message>
        <source>Model: %1 px, ngf %2, attention %3</source>
        <translation>モデル：%1 px、ngf %2、アテンション %3</translation>
    </message>
    <message>
        <source>Training: %1 steps, batch %2, learning rate %3</source>
        <translation>学習：%1 ステップ、バッチ %2、学習率 %3</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>実行を読み込めません：%1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::RunChooser</name>
    <message>
        <source>&amp;Run:</source>
        <translation>実行(&amp;R)：</translation>
    </message>
    <message>
        <source>Chec&amp;kpoint:</source>
        <translation>チェックポイント(&amp;K)：</translation>
    </message>
    <message>
        <source>Best: the checkpoint with the best validation score. Last: the newest one.</source>
        <translation>最良：検証スコアが最も良いチェックポイント。最新：一番新しいもの。</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最良</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::RunListModel</name>
    <message>
        <source>created</source>
        <translation>作成済み</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>復元済み</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::SampleViewer</name>
    <message>
        <source>Samples:</source>
        <translation>サンプル：</translation>
    </message>
    <message>
        <source>no samples yet</source>
        <translation>サンプルはまだありません</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>step %1 (image missing)</source>
        <translation>ステップ %1（画像なし）</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TargetListModel</name>
    <message>
        <source>Font</source>
        <translation>フォント</translation>
    </message>
    <message>
        <source>Drawn images</source>
        <translation>手描き画像</translation>
    </message>
    <message>
        <source>%1 (face %2)</source>
        <translation>%1（フェイス %2）</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>%1 / %2, %3 problem(s)</source>
        <translation>%1 / %2、問題 %3 件</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>スタイル</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>カバー率</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TextPreviewWidget</name>
    <message>
        <source>Type a sentence</source>
        <translation>文を入力</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>表示(&amp;W)</translation>
    </message>
    <message>
        <source>Target font:</source>
        <translation>ターゲットフォント：</translation>
    </message>
    <message>
        <source>Generated:</source>
        <translation>生成：</translation>
    </message>
    <message>
        <source>(a hand-drawn style has no font to set text with)</source>
        <translation>（手描きのスタイルには文字を組むフォントがありません）</translation>
    </message>
    <message>
        <source>The target font has every character of this sentence.</source>
        <translation>ターゲットフォントにはこの文のすべての文字があります。</translation>
    </message>
    <message>
        <source>Marked: characters the target font lacks (%1): only the model can draw them.</source>
        <translation>印の付いた文字はターゲットフォントにありません（%1）：モデルだけが描けます。</translation>
    </message>
    <message>
        <source>Not drawn: the source font lacks %1 too, so the model has nothing to start from.</source>
        <translation>描画なし：ソースフォントにも %1 がないため、モデルには元になる字がありません。</translation>
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
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>実行：</translation>
    </message>
    <message>
        <source>Start New Run</source>
        <translation>新しい実行を開始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Start a new run with the project's settings (Ctrl+R)</source>
        <translation>プロジェクトの設定で新しい実行を開始（Ctrl+R）</translation>
    </message>
    <message>
        <source>Finish the current step, save an “interrupted” checkpoint and stop</source>
        <translation>現在のステップを終え、「中断」チェックポイントを保存して停止</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>ステップ %v / %m</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Cannot read the runs: %1</source>
        <translation>実行を読み込めません：%1</translation>
    </message>
    <message>
        <source>%1 — %2, step %3</source>
        <translation>%1 — %2、ステップ %3</translation>
    </message>
    <message>
        <source>The run “%1” stopped before it finished. Resume it from its last checkpoint?</source>
        <translation>実行「%1」は完了前に止まりました。最後のチェックポイントから再開しますか？</translation>
    </message>
    <message>
        <source>Cannot read the run “%1”: %2</source>
        <translation>実行「%1」を読み込めません：%2</translation>
    </message>
    <message>
        <source>Run “%1”: %2 at step %3</source>
        <translation>実行「%1」：%2（ステップ %3）</translation>
    </message>
    <message>
        <source>Saving the project before training.</source>
        <translation>学習の前にプロジェクトを保存します。</translation>
    </message>
    <message>
        <source>Resuming the run “%1”</source>
        <translation>実行「%1」を再開しています</translation>
    </message>
    <message>
        <source>Starting the run “%1”</source>
        <translation>実行「%1」を開始しています</translation>
    </message>
    <message>
        <source>Preparing the dataset and the networks…</source>
        <translation>データセットとネットワークを準備しています…</translation>
    </message>
    <message>
        <source>Preparing the dataset: %1</source>
        <translation>データセットを準備中：%1</translation>
    </message>
    <message>
        <source>Epoch %1 · %2 images/s · ETA %3 · memory %4 · lr %5%6</source>
        <translation>エポック %1 · %2 枚/秒 · 残り %3 · メモリ %4 · 学習率 %5%6</translation>
    </message>
    <message>
        <source> · %1 steps skipped</source>
        <translation> · %1 ステップをスキップ</translation>
    </message>
    <message>
        <source>Validation at step %1: L1 %2 (baseline %3) · SSIM %4 (baseline %5)</source>
        <translation>ステップ %1 の検証：L1 %2（基準 %3）· SSIM %4（基準 %5）</translation>
    </message>
    <message>
        <source>The run “%1” finished at step %2.</source>
        <translation>実行「%1」はステップ %2 で完了しました。</translation>
    </message>
    <message>
        <source>The run “%1” stopped at step %2; it can be resumed.</source>
        <translation>実行「%1」はステップ %2 で停止しました。再開できます。</translation>
    </message>
    <message>
        <source>The run “%1” failed: %2</source>
        <translation>実行「%1」は失敗しました：%2</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <source>Stopping after this step and saving a checkpoint…</source>
        <translation>このステップの後で停止し、チェックポイントを保存しています…</translation>
    </message>
    <message>
        <source>No runs yet: press Start New Run.</source>
        <translation>まだ実行がありません：「新しい実行を開始」を押してください。</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>続行…</translation>
    </message>
    <message>
        <source>Fine-tune…</source>
        <translation>ファインチューニング…</translation>
    </message>
    <message>
        <source>Resume the chosen run where it stopped, or train a finished run for more steps</source>
        <translation>選んだ実行を停止位置から再開するか、完了した実行をさらに学習させます</translation>
    </message>
    <message>
        <source>Continue Run</source>
        <translation>実行を続行</translation>
    </message>
    <message>
        <source>The run “%1” finished at step %2.
Train it on up to step:</source>
        <translation>実行「%1」はステップ %2 で完了しました。
学習を続けるステップ数：</translation>
    </message>
    <message>
        <source>Fine-tune From a Run</source>
        <translation>実行からファインチューニング</translation>
    </message>
    <message>
        <source>Freeze the encoder (train the decoder and the style embedding)</source>
        <translation>エンコーダーを固定（デコーダーとスタイル埋め込みのみ学習）</translation>
    </message>
    <message>
        <source>all styles</source>
        <translation>すべてのスタイル</translation>
    </message>
    <message>
        <source>Style ids, separated by commas: only these styles' examples are trained</source>
        <translation>スタイル ID（カンマ区切り）：これらのスタイルの例だけを学習します</translation>
    </message>
    <message>
        <source>Train only styles:</source>
        <translation>学習するスタイル：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>ステップ数：</translation>
    </message>
    <message>
        <source>Start Fine-tuning</source>
        <translation>ファインチューニング開始</translation>
    </message>
    <message>
        <source>“%1” is not a style id: use numbers separated by commas.</source>
        <translation>「%1」はスタイル ID ではありません：カンマ区切りの数字を使ってください。</translation>
    </message>
    <message>
        <source>Continuing the run “%1” up to step %2</source>
        <translation>実行「%1」をステップ %2 まで続行</translation>
    </message>
    <message>
        <source>Starting the run “%1”, fine-tuned from “%2”</source>
        <translation>実行「%1」を開始（「%2」からファインチューニング）</translation>
    </message>
    <message>
        <source>Start Over</source>
        <translation>最初からやり直す</translation>
    </message>
    <message>
        <source>Train the run again from step 0; its damaged checkpoints are kept for inspection</source>
        <translation>ステップ 0 から学習をやり直します。破損したチェックポイントは調査用に残されます</translation>
    </message>
    <message>
        <source> · GPU memory %1</source>
        <translation> · GPU メモリ %1</translation>
    </message>
    <message>
        <source>The run “%1” cannot be resumed: none of its checkpoints is usable (see the log). Start it over from step 0? Its damaged checkpoints are kept for inspection.</source>
        <translation>実行「%1」は再開できません：使えるチェックポイントがありません（ログを参照）。ステップ 0 からやり直しますか？破損したチェックポイントは調査用に残されます。</translation>
    </message>
    <message>
        <source>Start a new run from a checkpoint (the best, or one you choose) of a trained run</source>
        <translation>訓練済みの実行のチェックポイント（最良のもの、または選んだもの）から新しい実行を開始します</translation>
    </message>
    <message>
        <source>The best</source>
        <translation>最良のもの</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>Cannot list the checkpoints of “%1”: %2</source>
        <translation>「%1」のチェックポイントを一覧表示できません：%2</translation>
    </message>
    <message>
        <source>Start from the run:</source>
        <translation>開始元の実行：</translation>
    </message>
    <message>
        <source>Checkpoint:</source>
        <translation>チェックポイント：</translation>
    </message>
</context>
<context>
    <name>zistudio::ui::TrainingSettings</name>
    <message>
        <source>Steps:</source>
        <translation>ステップ数：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学習率：</translation>
    </message>
    <message>
        <source>Validate every:</source>
        <translation>検証の間隔：</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>チェックポイントの間隔：</translation>
    </message>
    <message>
        <source>Keep last:</source>
        <translation>保持する数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード：</translation>
    </message>
</context>
</TS>