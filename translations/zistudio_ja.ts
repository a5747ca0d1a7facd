<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja">
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
    <name>zistudio::ui::MainWindow</name>
    <message>
        <source>Attention heatmaps appear here once a model is trained.</source>
        <translation>モデルを学習すると、ここにアテンションのヒートマップが表示されます。</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Generated glyphs appear here beside the target fonts.</source>
        <translation>生成したグリフがターゲットフォントと並べてここに表示されます。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Runs with different attention placements are compared here.</source>
        <translation>アテンション配置の異なる実行をここで比較します。</translation>
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
        <source>No project open.</source>
        <translation>プロジェクトが開かれていません。</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>フォント</translation>
    </message>
    <message>
        <source>Add a source font and target fonts.</source>
        <translation>ソースフォントとターゲットフォントを追加してください。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>データセット</translation>
    </message>
    <message>
        <source>Choose the characters to train on.</source>
        <translation>学習する文字を選んでください。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Model size and attention placement.</source>
        <translation>モデルの大きさとアテンションの配置。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Start a run to see its curves.</source>
        <translation>学習を開始すると曲線が表示されます。</translation>
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
        <source>ZiStudio</source>
        <translation>ZiStudio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The new language applies the next time ZiStudio starts.</source>
        <translation>新しい言語は次回 ZiStudio を起動したときに適用されます。</translation>
    </message>
</context>
</TS>