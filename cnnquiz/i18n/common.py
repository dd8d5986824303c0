"""Strings shared by every face: verdict names, languages, yes/no."""

STRINGS: dict[str, tuple[str, str]] = {
    "correct": ("correct", "正确"),
    "wrong": ("wrong", "错误"),
    "unreadable": ("unreadable", "无法识别"),
    "blank": ("blank", "未作答"),
    "self": ("self-check", "自评"),
    "answer": ("Answer", "答案"),
    "solution": ("Solution", "解答"),
    "lang_en": ("English", "英文"),
    "lang_zh": ("中文", "中文"),
}
