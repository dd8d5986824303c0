"""Strings of `cnnquiz calc` and the calculator screen."""

STRINGS: dict[str, tuple[str, str]] = {
    "col_index": ("#", "#"),
    "col_layer": ("layer", "层"),
    "col_output": ("output", "输出"),
    "col_params": ("params", "参数"),
    "col_macs": ("MACs", "MACs"),
    "col_rf": ("RF", "感受野"),
    "col_jump": ("jump", "跳距"),
    "title": ("{name}: input {shape}", "{name}：输入 {shape}"),
    "network": ("network", "网络"),
    "total": ("total", "合计"),
    "totals": ("total params {params}   total MACs {macs} ({scaled})",
               "参数总数 {params}   MACs 总数 {macs}（{scaled}）"),
}
