"""Strings of printed problem sets (md, html, pdf, apkg); the check report has its own table."""

STRINGS: dict[str, tuple[str, str]] = {
    "title": ("CNN quiz: problem set", "CNN 练习题"),
    "key_title": ("CNN quiz: answer key", "CNN 练习题：答案与解析"),
    "set": ("Set {code}", "题组 {code}"),
    "form": ("Form {form}", "{form} 卷"),
    "footer": ("Set {code}", "题组 {code}"),
    "page": ("page {page}", "第 {page} 页"),
    "name_line": ("Name: ____________________   Date: ____________",
                  "姓名：____________________   日期：____________"),
    "instructions": (
        "{count} questions. Write each answer in the space below its question. To grade "
        "yourself, type the answers into a text file, one `N: answer` a line, and run "
        "`cnnquiz check {code} FILE`.",
        "共 {count} 题。请把答案写在每题下方的空白处。自测时把答案输入文本文件，每行一条 "
        "`N: 答案`，然后运行 `cnnquiz check {code} FILE`。"),
    "key": ("Answer key", "答案与解析"),
    "answer": ("Answer", "答案"),
    "answer_line": ("Answer:", "答："),
    "your_answer": ("Your answer:", "你的答案："),
    "model_answer": ("Model answer", "参考答案"),
    "key_points": ("Key points", "要点"),
    "solution": ("Solution", "解答"),
    "level": ("level {level}", "难度 {level}"),
    "code": ("code {code}", "题码 {code}"),
    "deck": ("cnnquiz", "cnnquiz 中文"),  # each language its own deck (own id too)
    "front_back": ("Question {n} of set {code}", "题组 {code} 第 {n} 题"),
}
