"""Strings about a network read from a file or from PyTorch's print(model)."""

STRINGS: dict[str, tuple[str, str]] = {
    "warning": ("warning: {parts}", "警告：{parts}"),
    "sep": ("; ", "；"),
    "custom": ("read in printed order, but their forward() may do more (a residual addition, "
               "a branch) that the print does not show: {items}",
               "按打印顺序读取，但其 forward() 可能还有打印中看不到的运算（残差相加、分支）：{items}"),
    "branch": ("residual branches left out: {items} ({params} parameters not counted)",
               "未计入的残差分支：{items}（{params} 个参数未计入）"),
    "unmapped": ("left out, no layer-spec equivalent: {items}",
                 "无对应层写法而略去：{items}"),
    "reshapes": ("left out although they change the shape, so later sizes may be off: {items}",
                 "略去了会改变形状的模块，之后的尺寸可能不对：{items}"),
    "flatten": ("flatten assumed before {items} (forward() flattens; the print shows no module)",
                "假定在 {items} 之前展平（forward() 中展平，打印里没有这个模块）"),
    "params": ("{params} parameters", "{params} 个参数"),
    "unknown_params": ("parameters unknown", "参数个数未知"),
    "more": ("and {n} more", "及另外 {n} 个"),
    "totals": ("the print holds {held} parameters, the layers read {read}",
               "打印中共有 {held} 个参数，读出的层有 {read} 个"),
    "input_guessed": ("input size not given: using {shape}, the first usual size the printed "
                      "layer sizes agree with (give --input to choose)",
                      "未给出输入尺寸：采用 {shape}，这是与打印的各层尺寸相符的第一个常用尺寸"
                      "（可用 --input 指定）"),
}
