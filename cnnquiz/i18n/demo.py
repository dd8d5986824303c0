"""Strings of `cnnquiz demo` (and later the app's demo screen)."""

STRINGS: dict[str, tuple[str, str]] = {
    "title_conv": ("Convolution", "卷积"),
    "title_conv1d": ("1-D convolution (two trains)", "一维卷积（两列火车）"),
    "title_convT": ("Transposed convolution", "转置卷积"),
    "title_maxpool": ("Max pooling", "最大池化"),
    "title_avgpool": ("Average pooling", "平均池化"),
    "title_pixelshuffle": ("Pixel shuffle", "像素重排（PixelShuffle）"),
    "title_dropout": ("Dropout (training, inverted)", "Dropout（训练时，反向缩放）"),
    "summary": ("{title}: input {inp}{settings} -> output {out}",
                "{title}：输入 {inp}{settings} -> 输出 {out}"),
    "kernel_size": ("kernel {k}", "卷积核 {k}"),
    "seed": ("random matrices from seed {seed} (--seed {seed} repeats them)",
             "随机矩阵的种子为 {seed}（用 --seed {seed} 可重现）"),
    "step": ("Step {n} of {total}: output {cell}", "第 {n} 步（共 {total} 步）：输出 {cell}"),
    "input": ("input", "输入"),
    "input_padded": ("input, padded", "填充后的输入"),
    "legend": ("[ ] the window / the new value   . padding   ? not computed yet",
               "[ ] 窗口 / 新算出的值   . 填充   ? 尚未计算"),
    "legend_convT": ("[ ] the window / the new value   . padding   o inserted zero   "
                     "? not computed yet",
                     "[ ] 窗口 / 新算出的值   . 填充   o 插入的零   ? 尚未计算"),
    "input_channel": ("input channel {c}", "输入通道 {c}"),
    "kernel": ("kernel", "卷积核"),
    "kernel_channel": ("kernel channel {c}", "卷积核通道 {c}"),
    "kernel_flipped": ("kernel, flipped", "翻转后的卷积核"),
    "output_so_far": ("output so far", "当前输出"),
    "output": ("output", "输出"),
    "products": ("products: {terms} = {value}", "逐元素乘积：{terms} = {value}"),
    "max": ("max({terms}) = {value}", "max({terms}) = {value}"),
    "avg": ("({terms}) / {divisor} = {value}", "({terms}) / {divisor} = {value}"),
    "scatter_view": ("View 1, scatter: each input cell times the kernel, added into the "
                     "output", "视角一，散射：每个输入单元乘以卷积核，累加到输出上"),
    "scatter_step": ("Step {n} of {total}: input {cell} = {value}, times the kernel, added "
                     "at rows {r0}-{r1}, columns {c0}-{c1}",
                     "第 {n} 步（共 {total} 步）：输入 {cell} = {value} 乘以卷积核，加到第 "
                     "{r0}-{r1} 行、第 {c0}-{c1} 列"),
    "block": ("block added", "本步加上的块"),
    "canvas": ("output before cropping", "裁剪前的输出"),
    "crop": ("the output is rows {r0}-{r1}, columns {c0}-{c1} of this canvas (padding {p} "
             "crops each side{extra})",
             "输出为该画布的第 {r0}-{r1} 行、第 {c0}-{c1} 列（填充 {p} 从每边裁掉{extra}）"),
    "crop_op": (", output padding adds {op} at the bottom/right",
                "，output padding 在下方和右侧补 {op}"),
    "zero_view": ("View 2, zero insertion: a gap of s-1 = {gap} between input cells, filled with zeros, "
                  "d(k-1)-p = {pad} padding around them (negative crops), then a stride-1 "
                  "convolution with the flipped kernel",
                  "视角二，插零：输入单元之间插入 s-1 = {gap} 个零，四周填充 d(k-1)-p = {pad}"
                  "（为负时裁剪），再用翻转后的卷积核做步幅 1 的卷积"),
    "zero_grid": ("zero-inserted input", "插零后的输入"),
    "views_agree": ("Both views give the same output:", "两种视角得到相同的输出："),
    "final": ("Output:", "输出："),
    "shuffle_step": ("output {cell} <- input channel {c} {src} = {value}",
                     "输出 {cell} <- 输入通道 {c} 的 {src} = {value}"),
    "shuffle_rule": ("output (c, i, j) takes input channel c*r^2 + (i mod r)*r + (j mod r) "
                     "at (i div r, j div r), r = {r}",
                     "输出 (c, i, j) 取自输入通道 c*r^2 + (i mod r)*r + (j mod r) 的 "
                     "(i div r, j div r)，r = {r}"),
    "channel": ("channel {c}", "通道 {c}"),
    "train_input": ("input", "输入"),
    "train_kernel": ("kernel", "卷积核"),
    "train_kernel_flipped": ("kernel, reversed", "卷积核（反转）"),
    "train_products": ("×", "乘积"),
    "train_output": ("output", "输出"),
    "trains_rule": ("Two trains: the input, and the kernel passing along it by the stride "
                    "({s} a step); each output is the sum of the products of the cars one above "
                    "the other. PyTorch's conv1d uses the kernel as given (--flip reverses "
                    "it first: the convolution of numpy.convolve, where the trains meet "
                    "head to head; with --padding full, n+m-1 outputs).",
                    "两列火车：输入是一列，卷积核是另一列，每步沿输入前进 {s} 节车厢；"
                    "每个输出是上下对齐的车厢两两相乘之和。PyTorch 的 conv1d 直接使用给定的"
                    "卷积核（--flip 先把它反转：即 numpy.convolve 的卷积，两列火车迎面相遇；"
                    "配合 --padding full 得到 n+m-1 个输出）。"),
    "mask": ("mask (1 = kept)", "掩码（1 = 保留）"),
    "dropout_rule": ("p = {p}: each unit is dropped with probability p; kept units are "
                     "multiplied by 1/(1-p) = {scale}",
                     "p = {p}：每个单元以概率 p 被丢弃；保留的单元乘以 1/(1-p) = {scale}"),
    "dropout_all": ("p = 1: every unit is dropped", "p = 1：所有单元都被丢弃"),
    "kept": ("output {cell} = {x} * {scale} = {value} (kept)",
             "输出 {cell} = {x} * {scale} = {value}（保留）"),
    "dropped": ("output {cell} = 0 (dropped)", "输出 {cell} = 0（丢弃）"),
    "means": ("mean of the input {a}, of the output {b}: equal in expectation, because kept "
              "units are scaled by 1/(1-p)",
              "输入均值 {a}，输出均值 {b}：两者期望相等，因为保留的单元乘以了 1/(1-p)"),
    "mask_seed": ("mask from seed {seed} (--seed {seed} repeats it)",
                  "掩码的种子为 {seed}（用 --seed {seed} 可重现）"),
}
