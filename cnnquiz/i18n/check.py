"""Strings of the checked-sheet report (`cnnquiz check`, and the app's check screen)."""

STRINGS: dict[str, tuple[str, str]] = {
    "score": ("Score {score}/{total}", "得分 {score}/{total}"),
    "self_note": ("{count} short answers to compare with the model answer yourself (not scored)",
                  "{count} 道简答题请自行对照参考答案（不计分）"),
    "expected": ("expected", "正确答案"),
    "you_wrote": ("you wrote", "你的答案"),
    "mistake": ("mistake", "错因"),
    "why": ("why", "原因"),
    "saved": ("{count} answers saved as practice", "已记录 {count} 道题的练习"),
    "not_saved": ("not saved (--no-record)", "未记录（--no-record）"),
    "repeated": ("question {n} is answered more than once (lines {lines}); the last answer counts",
                 "第 {n} 题答了多次（第 {lines} 行），以最后一次为准"),
    "no_number": ("line {line} has no question number and follows no answer; ignored",
                  "第 {line} 行没有题号，也不接在任何答案之后，已忽略"),
}
