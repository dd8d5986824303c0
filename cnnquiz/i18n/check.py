"""Strings of the checked-sheet report (`cnnquiz check`, and the app's check screen)."""

STRINGS: dict[str, tuple[str, str]] = {
    "score": ("Score {score}/{total}", "得分 {score}/{total}"),
    "self_note": ("short answers to compare with the model answer yourself (not scored): {count}",
                  "请自行对照参考答案的简答题（不计分）：{count} 道"),
    "option": ("option {letter}", "选项 {letter}"),
    "expected": ("expected", "正确答案"),
    "you_wrote": ("you wrote", "你的答案"),
    "mistake": ("Mistake", "错因"),
    "why": ("Why", "原因"),
    "saved": ("answers saved as practice: {count}", "已记为练习的答案：{count} 道"),
    "not_saved": ("not saved (--no-record)", "未记录（--no-record）"),
    "repeated": ("question {n} is answered more than once (lines {lines}); the last answer counts",
                 "第 {n} 题答了多次（第 {lines} 行），以最后一次为准"),
    "repeated_json": ("question {n} is answered more than once; the last answer counts",
                      "第 {n} 题答了多次，以最后一次为准"),
    "no_number": ("line {line} has no question number and follows no answer; ignored",
                  "第 {line} 行没有题号，也不接在任何答案之后，已忽略"),
}
