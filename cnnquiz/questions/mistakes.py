"""The catalog of typical mistakes: stable names and one-sentence explanations in en/zh.

Templates compute the value each mistake produces; the sentence comes from here so
that a misconception has one name across templates (stats count mistakes by name).
Add new names freely; never rename one (stored attempts refer to them).
"""

from __future__ import annotations

from cnnquiz.i18n import Lang

CATALOG: dict[str, tuple[str, str]] = {
    "forgot-plus-one": (
        "You forgot the +1: the first window sits at position 0, then one more per stride.",
        "漏了 +1：第一个窗口位于位置 0，之后每移动一个步长才多一个输出。",
    ),
    "padded-one-side": (
        "You added the padding only once; PyTorch pads both sides, so it counts as 2P.",
        "填充只加了一次；PyTorch 在两侧都填充，应计为 2P。",
    ),
    "ceil-instead-of-floor": (
        "You rounded up; without ceil_mode the division is floored, so a partial window is dropped.",
        "你向上取整了；不开 ceil_mode 时除法向下取整，不完整的窗口被丢弃。",
    ),
    "floor-instead-of-ceil": (
        "You rounded down; here the rule rounds up (ceil_mode or TensorFlow padding).",
        "你向下取整了；这里的规则是向上取整（ceil_mode 或 TensorFlow 的填充方式）。",
    ),
    "ignored-ceil-last-window-rule": (
        "In ceil mode PyTorch drops a last window that would start inside the right padding.",
        "ceil 模式下，若最后一个窗口起点落在右侧填充里，PyTorch 会把它丢掉。",
    ),
    "ignored-dilation": (
        "You ignored the dilation: a dilated kernel spans D(K-1)+1 pixels, not K.",
        "你忽略了膨胀率：空洞卷积核覆盖 D(K-1)+1 个像素，而不是 K 个。",
    ),
    "ignored-stride": (
        "You ignored the stride: the window moves S pixels at a time.",
        "你忽略了步长：窗口每次移动 S 个像素。",
    ),
    "forgot-bias": (
        "You forgot the biases: each output channel (kernel) has one.",
        "漏了偏置：每个输出通道（每个卷积核）有一个偏置。",
    ),
    "forgot-input-channels": (
        "You forgot the input channels: each kernel is K x K x C_in deep.",
        "漏了输入通道：每个卷积核的深度等于输入通道数，大小是 K x K x C_in。",
    ),
    "ignored-groups": (
        "You ignored the groups: each kernel only sees C_in/g input channels.",
        "你忽略了分组：每个卷积核只看 C_in/g 个输入通道。",
    ),
    "bias-per-weight": (
        "There is one bias per output channel, not one per weight or per position.",
        "偏置是每个输出通道一个，而不是每个权重或每个位置一个。",
    ),
    "counted-pooling-params": (
        "Pooling has no trainable parameters.",
        "池化层没有可训练参数。",
    ),
    "swapped-in-out": (
        "You swapped the input and output sizes of the transposed convolution.",
        "你把转置卷积的输入尺寸和输出尺寸弄反了。",
    ),
    "used-conv-formula": (
        "You used the convolution formula; a transposed convolution inverts it: (W-1)S - 2P + K + OP.",
        "你套用了普通卷积的公式；转置卷积是它的逆：(W-1)S - 2P + K + OP。",
    ),
    "forgot-output-padding": (
        "You forgot output_padding, which adds to one side of the output.",
        "漏了 output_padding，它会加在输出的一侧。",
    ),
    "multiplied-strides-wrongly": (
        "Each layer's (K-1) is multiplied by the product of the strides BEFORE it, not including its own.",
        "每层的 (K-1) 要乘以它之前各层步长的乘积，不包括它自己的步长。",
    ),
    "added-kernel-sizes": (
        "Receptive fields do not add kernel sizes; each layer adds (K-1) times the jump.",
        "感受野不是把卷积核尺寸直接相加；每层增加 (K-1) 乘以跳距。",
    ),
    "scaled-by-p": (
        "Inverted dropout scales kept units by 1/(1-p), not by p or 1-p.",
        "Inverted dropout 对保留的单元乘以 1/(1-p)，而不是 p 或 1-p。",
    ),
    "scaled-by-keep": (
        "Multiplying by 1-p is classic dropout's test-time rule; inverted dropout divides by it in training.",
        "乘以 1-p 是经典 dropout 在测试时的做法；inverted dropout 在训练时除以 1-p。",
    ),
    "confused-drop-keep": (
        "p is the probability of DROPPING a unit; the keep probability is 1-p.",
        "p 是丢弃一个单元的概率；保留概率是 1-p。",
    ),
    "tf-pad-extra-left": (
        "TensorFlow puts the odd extra pad on the right/bottom, not the left/top.",
        "TensorFlow 把多出来的奇数填充放在右侧/下侧，而不是左侧/上侧。",
    ),
    "tf-same-ignores-stride": (
        "'same' keeps the size only at stride 1; in general the output is ceil(W/S).",
        "'same' 只有在步长为 1 时才保持尺寸；一般输出为 ceil(W/S)。",
    ),
    "spp-n-bins-not-n-squared": (
        "A pyramid level n pools to an n x n grid: it gives C * n^2 values, not C * n.",
        "金字塔的第 n 级池化成 n x n 的网格：输出 C * n^2 个值，而不是 C * n 个。",
    ),
    "flatten-wrong-order": (
        "Flatten multiplies all three sizes: C x H x W.",
        "展平后的长度是三个尺寸之积：C x H x W。",
    ),
    "forgot-channels": (
        "You left out the channels: the count runs over every channel, not one slice.",
        "漏了通道：需要对所有通道计数，而不只是一个切片。",
    ),
    "macs-ignored-output-size": (
        "Each output position repeats the kernel's multiplications: multiply by H_out x W_out.",
        "每个输出位置都要做一遍卷积核的乘法：要乘以 H_out x W_out。",
    ),
    "counted-flops-not-macs": (
        "You counted two operations per multiply-accumulate; the question asks for MACs.",
        "你把一次乘加算成了两次运算；题目问的是乘加次数（MACs）。",
    ),
    "sign-error": (
        "A sign error: the update subtracts the learning rate times the gradient.",
        "符号错误：更新是减去学习率乘以梯度。",
    ),
    "forgot-bias-correction": (
        "Adam divides m and v by (1 - beta^t) before the update; you skipped the bias correction.",
        "Adam 在更新前要把 m 和 v 分别除以 (1 - beta^t)；你漏了偏差修正。",
    ),
    "forgot-momentum": (
        "You ignored the momentum buffer.",
        "你忽略了动量项。",
    ),
    "forgot-weight-decay": (
        "You forgot the weight decay term added to the gradient.",
        "漏了加到梯度上的权重衰减项。",
    ),
    "forgot-decoupled-decay": (
        "You left out AdamW's decoupled weight decay: w is first multiplied by (1 - lr * weight_decay).",
        "漏了 AdamW 的解耦权重衰减：每步先把 w 乘以 (1 - lr * weight_decay)。",
    ),
    "forgot-l1-term": (
        "You left out the L1 term: the gradient gets lambda * sign(w) added.",
        "漏了 L1 项：梯度上要加 lambda * sign(w)。",
    ),
    "forgot-sqrt": (
        "The denominator is the square root of the accumulated squares, plus eps.",
        "分母是累计平方和的平方根（再加 eps）。",
    ),
    "no-kernel-flip": (
        "Convolution in the signal-processing sense flips the kernel first.",
        "信号处理意义上的卷积要先把卷积核翻转。",
    ),
    "flipped-kernel": (
        "Deep-learning 'convolution' is cross-correlation: the kernel is not flipped.",
        "深度学习里的“卷积”其实是互相关：卷积核不翻转。",
    ),
    "avg-instead-of-max": (
        "You averaged the window; max pooling keeps only its largest value.",
        "你对窗口求了平均；最大池化只保留窗口里的最大值。",
    ),
    "max-instead-of-avg": (
        "You took the maximum; average pooling takes the mean of the window.",
        "你取了最大值；平均池化取窗口的均值。",
    ),
    "wrong-log-base": (
        "Cross-entropy uses the natural logarithm here.",
        "这里的交叉熵用的是自然对数。",
    ),
    "forgot-exp": (
        "Softmax exponentiates the logits before normalising.",
        "Softmax 要先对 logits 取指数再归一化。",
    ),
    "one-index-off": (
        "An off-by-one in the indices: count from the stated origin.",
        "下标差了一位：注意题目约定的起点。",
    ),
    "row-col-swapped": (
        "You swapped rows and columns.",
        "你把行和列弄反了。",
    ),
    # shape arithmetic (sections 1-2)
    "mixed-padding-modes": (
        "You used another padding mode's length: full gives n+m-1, valid n-m+1, same n (at stride 1).",
        "你套用了另一种填充方式的长度：步长为 1 时 full 为 n+m-1，valid 为 n-m+1，same 为 n。",
    ),
    "full-not-n-plus-m": (
        "A full convolution has n+m-1 outputs, not n+m: the first and the last overlap are one sample each.",
        "full 卷积的输出长度是 n+m-1 而不是 n+m：第一次和最后一次重叠都只有一个采样点。",
    ),
    "span-d-times-k": (
        "A dilated kernel spans D(K-1)+1 pixels, not D*K: the gaps sit only between the taps.",
        "空洞卷积核覆盖 D(K-1)+1 个像素而不是 D*K：空隙只在相邻的两个采样点之间。",
    ),
    "gave-pad-total": (
        "That is the total padding; each side gets half (TensorFlow puts the odd extra right/bottom).",
        "这是填充总量；每侧只得到一半（TensorFlow 把多出的一个放在右侧/下侧）。",
    ),
    "confused-depth-and-count": (
        "A kernel is as deep as the INPUT has channels; the number of kernels is the OUTPUT channels.",
        "每个卷积核的深度等于输入通道数；卷积核的个数等于输出通道数。",
    ),
    "counted-2d-slices": (
        "You counted K x K slices; a layer has C_out kernels, each a single K x K x C_in block.",
        "你数的是 K x K 的二维切片；一层有 C_out 个卷积核，每个是一整块 K x K x C_in。",
    ),
    "ignored-padding": (
        "You ignored the padding: windows start P pixels before the image; padded cells feed nothing.",
        "你忽略了填充：窗口从图像外 P 个像素处开始，落在填充区的位置不连接任何输入。",
    ),
    "counted-shared-weights-once": (
        "Weight sharing leaves K*K distinct values, but every row of the matrix holds its own copy.",
        "权值共享只有 K*K 个不同的值，但矩阵的每一行都各自存有一份。",
    ),
    "counted-dense-matrix": (
        "The matrix is sparse: a row is non-zero only where its window covers the input.",
        "这个矩阵是稀疏的：每一行只在其窗口覆盖的输入位置上非零。",
    ),
    "assumed-stride-equals-kernel": (
        "Here the stride differs from the window (overlapping pooling): step by S, not by K.",
        "这里步长与窗口大小不同（重叠池化）：每次移动 S，而不是 K。",
    ),
    # parameters, compute, receptive field, upsampling (costs templates)
    "added-bias": (
        "This layer has bias=False: count the weights only.",
        "该层 bias=False：只计权重。",
    ),
    "forgot-output-channels": (
        "There is one filter per output channel: multiply the per-filter count by C_out.",
        "每个输出通道对应一个卷积核：单个卷积核的参数量要乘以 C_out。",
    ),
    "dilation-adds-weights": (
        "Dilation spreads the taps apart but adds no weights: still K x K per input channel.",
        "膨胀只是把采样点拉开，并不增加权重：每个输入通道仍是 K x K 个。",
    ),
    "divided-groups-twice": (
        "Groups divide the input channels per kernel once: C_out x (C_in/g) x K x K.",
        "分组只把每个卷积核看到的输入通道数除一次 g：C_out x (C_in/g) x K x K。",
    ),
    "depthwise-as-standard": (
        "A depthwise convolution has one K x K filter per input channel (K*K*C), not K*K*C*C.",
        "逐通道卷积每个输入通道只有一个 K x K 卷积核（K*K*C），而不是 K*K*C*C。",
    ),
    "forgot-pointwise": (
        "A depthwise-separable convolution is depthwise PLUS a 1x1 pointwise convolution (C*C_out).",
        "深度可分离卷积 = 逐通道卷积 + 1x1 逐点卷积（C*C_out），别漏了后者。",
    ),
    "dsconv-swapped-channels": (
        "Depthwise weights go with the INPUT channels: K*K*C_in + C_in*C_out, not (K*K + C_in)*C_out.",
        "逐通道卷积的权重按输入通道算：K*K*C_in + C_in*C_out，而不是 (K*K + C_in)*C_out。",
    ),
    "inverted-ratio": (
        "You divided the other way round: read which count the question puts on top.",
        "比值除反了：看清题目问的是谁除以谁。",
    ),
    "used-size-before-pool": (
        "The pooling layer shrinks the map before flatten: use its output size.",
        "展平前的池化层已经把特征图缩小了：要用池化后的尺寸。",
    ),
    "counted-running-stats": (
        "BatchNorm's running mean and variance are buffers, not trainable: only 2C parameters.",
        "BatchNorm 的 running mean/var 是缓冲区，不可训练：只有 2C 个参数。",
    ),
    "bn-scale-only": (
        "BatchNorm learns a scale gamma AND a shift beta per channel: 2C.",
        "BatchNorm 每个通道学习缩放 gamma 和平移 beta 两个参数：2C。",
    ),
    "bn-per-position": (
        "BatchNorm2d shares gamma and beta over all positions of a channel: 2C, not 2CHW.",
        "BatchNorm2d 的 gamma、beta 在同一通道的所有位置共享：是 2C，不是 2CHW。",
    ),
    "counted-bn-as-zero": (
        "BatchNorm does have trainable parameters: a scale and a shift per channel.",
        "BatchNorm 是有可训练参数的：每个通道一个缩放和一个平移。",
    ),
    "maxout-forgot-pieces": (
        "Each of the k maxout pieces has its own weights and bias: k times the layer's parameters.",
        "maxout 的 k 段各有自己的权重和偏置：参数量是原层的 k 倍。",
    ),
    "maxout-shared-bias": (
        "The biases are per piece too: k times (weights + biases).",
        "偏置也是每段各一份：k 乘以（权重 + 偏置）。",
    ),
    "counted-one-layer": (
        "Count every layer of the stack (or module), each with its own weights.",
        "要把堆叠（或模块）里的每一层都算上，每层有自己的权重。",
    ),
    "counted-bias-as-mac": (
        "MACs count multiplications with their accumulation; the bias additions are not counted here.",
        "MACs 只计乘加；这里不计偏置的加法。",
    ),
    "forgot-1x1-layers": (
        "The 1x1 reduction and projection convolutions cost too: add every conv of every branch.",
        "1x1 降维和投影卷积也有代价：每个分支的每个卷积都要算。",
    ),
    "counted-3x3-twice": (
        "You counted the 3x3 convolution twice, as the CS231n slide's 358M does: add each "
        "convolution of each branch once.",
        "你把 3x3 卷积算了两次（CS231n 幻灯片上的 358M 就是这样来的）：每个分支的每个卷积只算一次。",
    ),
    "reduction-ignored": (
        "After a 1x1 reduction the 3x3/5x5 kernels are only as deep as the reduced channels.",
        "1x1 降维之后，3x3/5x5 卷积核的深度只等于降维后的通道数。",
    ),
    "added-strides": (
        "Strides multiply, they do not add: the jump is the product of the strides so far.",
        "步长是相乘而不是相加：跳距是此前各层步长之积。",
    ),
    "ignored-pool-stride": (
        "Pooling layers stride too: their S multiplies the jump like a convolution's.",
        "池化层也有步长：它的 S 和卷积一样要乘进跳距。",
    ),
    "ignored-padding-offset": (
        "Padding shifts the window: unit 0 starts P pixels (times the jump) before the image edge.",
        "填充会让窗口偏移：第 0 个单元的窗口从图像边缘之前 P（乘以跳距）个像素开始。",
    ),
    "convT-used-in-times-s": (
        "A stride-S transposed conv does not just multiply the size by S: (W-1)S - 2P + D(K-1) + OP + 1.",
        "步长为 S 的转置卷积并不只是把尺寸乘以 S：(W-1)S - 2P + D(K-1) + OP + 1。",
    ),
    "kept-input-channels": (
        "The output has as many channels as the layer has output channels, not the input's count.",
        "输出通道数等于该层的输出通道数，而不是输入的通道数。",
    ),
    "forgot-to-flatten": (
        "C acts on the flattened image: rows = C_out*H_out*W_out, columns = C_in*H*W.",
        "C 作用在展平后的图像上：行数 = C_out*H_out*W_out，列数 = C_in*H*W。",
    ),
    "kernel-as-columns": (
        "Each row of C spreads the kernel among ALL the inputs: it has C_in*H*W columns, mostly zeros.",
        "C 的每一行把卷积核放在全部输入之中：共有 C_in*H*W 列，大多为 0。",
    ),
    "pixelshuffle-divided-by-r": (
        "PixelShuffle(r) moves r^2 channels into each r x r block: channels change by r^2, not r.",
        "PixelShuffle(r) 把 r^2 个通道排进一个 r x r 的块：通道数变化 r^2 倍，而不是 r 倍。",
    ),
    "pixelshuffle-kept-channels": (
        "PixelShuffle trades channels for resolution: C*r^2 channels become C.",
        "PixelShuffle 用通道换分辨率：C*r^2 个通道变成 C 个。",
    ),
    "pixelshuffle-scaled-by-r2": (
        "Height and width each grow by r (r^2 pixels per block), not by r^2.",
        "高和宽各放大 r 倍（每块 r^2 个像素），而不是 r^2 倍。",
    ),
    # by-hand operations and training basics (sections 1, 2, 5, 6, 9)
    "forgot-kernel-divisor": (
        "A blur kernel is normalised: divide the weighted sum by the kernel's total (9 or 16).",
        "模糊核是归一化的：加权和还要除以卷积核各项之和（9 或 16）。",
    ),
    "wrong-classic-kernel": (
        "You used the weights of another classic kernel.",
        "你用了另一个经典卷积核的权重。",
    ),
    "avg-divided-by-full-window": (
        "A window hanging past the padded input is divided only by the cells it covers, not by K*K.",
        "超出补零后输入的窗口只除以它实际覆盖的格数，而不是 K*K。",
    ),
    "excluded-padding-from-average": (
        "PyTorch's default count_include_pad=True counts padded zeros in the divisor.",
        "PyTorch 默认 count_include_pad=True，补的零也计入除数。",
    ),
    "unpool-copied-to-window": (
        "Max unpooling does not copy the value over the window; it puts it back at the max's position only.",
        "最大反池化不会把值复制到整个窗口，只放回最大值原来的位置。",
    ),
    "unpool-ignored-positions": (
        "Each value goes back where its window's maximum was, not to the window's top-left corner.",
        "每个值要放回其窗口最大值原来的位置，而不是窗口的左上角。",
    ),
    "unpooled-wrong-values": (
        "The indices only say WHERE; the values placed are those of the map being unpooled.",
        "位置索引只决定放在哪里；放进去的是被反池化的那个特征图的值。",
    ),
    "overwrote-overlaps": (
        "Where the scattered kernel blocks overlap, their values add up; none overwrites another.",
        "分散的卷积核块重叠时，数值要相加，而不是后一个覆盖前一个。",
    ),
    "convt-flipped-kernel": (
        "Scatter-and-add places the kernel as it is; flipping it by 180 degrees belongs only to "
        "the zero-insertion view.",
        "分散相加时直接用原卷积核；只有“插零再卷积”的视角才需要把卷积核旋转 180 度。",
    ),
    "convt-no-flip": (  # the former name of convt-flipped-kernel, kept for stored attempts
        "Scatter-and-add uses the kernel as it is; only the zero-insertion view flips it by 180 degrees.",
        "分散相加时直接用原卷积核；只有“插零再卷积”的视角才需要把卷积核旋转 180 度。",
    ),
    "convt-padding-not-cropped": (
        "A transposed convolution's padding P removes P rows/columns from each side of the output.",
        "转置卷积的填充 P 是从输出的每一侧裁掉 P 行/列。",
    ),
    "shuffle-channel-major": (
        "PixelShuffle takes r^2 CONSECUTIVE channels per output channel: channel c*r^2 + dy*r + dx.",
        "PixelShuffle 每个输出通道取 r^2 个相邻的输入通道：第 c*r^2 + dy*r + dx 个通道。",
    ),
    "inverted-rule-at-test": (
        "Dividing by 1-p is inverted dropout's training rule; classic dropout multiplies by 1-p at test.",
        "除以 1-p 是 inverted dropout 训练时的做法；经典 dropout 在测试时乘以 1-p。",
    ),
    "forgot-inverted-scale": (
        "The scaling is not optional: divide kept units by 1-p in training (or multiply by 1-p at test).",
        "缩放不能省：训练时保留的单元要除以 1-p（或测试时把输出乘以 1-p）。",
    ),
    "expectation-not-preserved": (
        "Averaged over masks, inverted dropout keeps the expectation: (1-p) * x/(1-p) = x.",
        "对掩码取平均，inverted dropout 保持期望不变：(1-p) * x/(1-p) = x。",
    ),
    "sigmoid-sign-in-exponent": (
        "sigmoid(x) = 1/(1 + e^(-x)): the exponent is -x.",
        "sigmoid(x) = 1/(1 + e^(-x))：指数是 -x。",
    ),
    "confused-sigmoid-tanh": (
        "You used the other function: sigmoid maps to (0, 1), tanh to (-1, 1).",
        "你用错了函数：sigmoid 的值域是 (0, 1)，tanh 的值域是 (-1, 1)。",
    ),
    "relu-kept-negative": (
        "ReLU outputs 0 for negative inputs.",
        "ReLU 对负输入输出 0。",
    ),
    "leaky-slope-ignored": (
        "Leaky ReLU keeps a small slope for negative inputs instead of 0.",
        "Leaky ReLU 对负输入保留一个小斜率，而不是 0。",
    ),
    "gave-value-not-derivative": (
        "That is the function's value; the question asks for its derivative.",
        "这是函数值；题目问的是导数。",
    ),
    "forgot-square": (
        "tanh'(x) = 1 - tanh(x)^2: the tanh is squared.",
        "tanh'(x) = 1 - tanh(x)^2：tanh 要平方。",
    ),
    "relu-grad-negative": (
        "ReLU passes no gradient where its input is negative (a dead unit): the derivative is 0.",
        "输入为负时 ReLU 不传梯度（“死”单元）：导数为 0。",
    ),
    "added-not-multiplied": (
        "The chain rule multiplies the layers' local derivatives; it does not add them.",
        "链式法则是把各层局部导数相乘，而不是相加。",
    ),
    "sigmoid-grad-max-half": (
        "The sigmoid's derivative s(1-s) peaks at 0.25 (at x = 0), not 0.5.",
        "sigmoid 的导数 s(1-s) 最大为 0.25（在 x = 0 处），而不是 0.5。",
    ),
    "forgot-weights-in-chain": (
        "Each layer's local derivative includes its weight: dh_k/dh_(k-1) = w_k f'(z_k).",
        "每层的局部导数包含该层的权重：dh_k/dh_(k-1) = w_k f'(z_k)。",
    ),
    "used-derivative-bound": (
        "The actual derivative at each z is needed, not its maximum.",
        "需要每个 z 处的实际导数，而不是导数的最大值。",
    ),
    "sigmoid-not-softmax": (
        "Softmax normalises across all classes; sigmoid(z_i) looks at one logit alone (multi-label).",
        "Softmax 在所有类别之间归一化；sigmoid(z_i) 只看单个 logit（用于多标签）。",
    ),
    "used-target-logit": (
        "Cross-entropy is -log softmax(z)_t = log(sum e^z) - z_t, not the target's logit alone.",
        "交叉熵是 -log softmax(z)_t = log(sum e^z) - z_t，而不只是目标类的 logit。",
    ),
    "summed-not-averaged": (
        "F.cross_entropy averages over the batch by default (reduction='mean').",
        "F.cross_entropy 默认对批次取平均（reduction='mean'）。",
    ),
    "ignored-label-smoothing": (
        "With label smoothing the target is (1-eps) one-hot + eps/C: every class's log-probability counts.",
        "使用标签平滑时目标为 (1-eps) 的 one-hot 加 eps/C，每一类的对数概率都要算进去。",
    ),
    "kl-reversed": (
        "KL divergence is not symmetric: KL(P||Q) weights the log-ratio by P, KL(Q||P) by Q.",
        "KL 散度不对称：KL(P||Q) 用 P 加权对数比，KL(Q||P) 用 Q 加权。",
    ),
    "js-symmetrised-kl": (
        "JS compares each distribution with the mixture M = (P+Q)/2, not with the other distribution.",
        "JS 散度是把每个分布与混合分布 M = (P+Q)/2 比较，而不是与另一个分布比较。",
    ),
    "forgot-half": (
        "JS averages the two KL terms: divide their sum by 2.",
        "JS 散度是两个 KL 项的平均：它们的和要除以 2。",
    ),
    "l2-forgot-half": (
        "The L2 penalty here is (lambda/2) * sum w^2, so that its gradient is lambda * w.",
        "这里的 L2 正则项是 (lambda/2) * sum w^2，这样它的梯度正好是 lambda * w。",
    ),
    "l1-no-abs": (
        "The L1 penalty sums absolute values: negative weights count positively.",
        "L1 正则项是绝对值之和：负权重也按正数计。",
    ),
    "l1-l2-swapped": (
        "You used the other penalty: L1 pulls by lambda * sign(w), L2 by lambda * w.",
        "你用成了另一种正则：L1 的拉力是 lambda * sign(w)，L2 是 lambda * w。",
    ),
    "decay-not-scaled-by-lr": (
        "The decay term is part of the gradient, so it is multiplied by the learning rate too.",
        "衰减项是梯度的一部分，所以同样要乘以学习率。",
    ),
    "nesterov-ignored": (
        "With nesterov=True, torch steps along d + momentum * b, not along b.",
        "nesterov=True 时，torch 沿 d + momentum * b 更新，而不是沿 b。",
    ),
    "dampened-first-step": (
        "torch initialises the momentum buffer with the undamped gradient; dampening applies from step 2.",
        "torch 用未衰减的梯度初始化动量缓冲；dampening 从第 2 步起才起作用。",
    ),
    "forgot-accumulation": (
        "Adagrad's denominator accumulates ALL past squared gradients, not just the current one.",
        "Adagrad 的分母累计所有历史梯度的平方，而不只是当前这一步。",
    ),
    "ignored-lr-decay": (
        "With lr_decay, step t uses lr / (1 + (t-1) * lr_decay).",
        "有 lr_decay 时，第 t 步用 lr / (1 + (t-1) * lr_decay)。",
    ),
    "used-adagrad-sum": (
        "RMSprop keeps an exponential moving average of squared gradients, not Adagrad's running sum.",
        "RMSprop 用平方梯度的指数滑动平均，而不是 Adagrad 的累加和。",
    ),
    "swapped-alpha": (
        "alpha weights the OLD average: a = alpha * a + (1 - alpha) * d^2.",
        "alpha 是旧平均值的权重：a = alpha * a + (1 - alpha) * d^2。",
    ),
    "forgot-centering": (
        "centered=True subtracts the squared running mean of the gradient inside the square root.",
        "centered=True 时要在平方根里减去梯度滑动平均的平方。",
    ),
    "coupled-decoupled-decay": (
        "Adam adds weight_decay * w to the gradient; AdamW instead shrinks w by (1 - lr * weight_decay).",
        "Adam 把 weight_decay * w 加到梯度上；AdamW 则直接把 w 乘以 (1 - lr * weight_decay)。",
    ),
    "unbiased-variance": (
        "Batch norm normalises with the biased variance (divide by N); N-1 is used only for running_var.",
        "批归一化用有偏方差（除以 N）做归一化；N-1 只用于更新 running_var。",
    ),
    "forgot-gamma-beta": (
        "After normalising, the output is scaled by gamma and shifted by beta.",
        "归一化之后还要乘以 gamma 再加上 beta。",
    ),
    "stats-over-wrong-axis": (
        "Batch norm computes statistics per channel over the batch (and H, W), not per sample (LayerNorm).",
        "批归一化按通道在批次（及 H、W）上求统计量，而不是按样本求（那是 LayerNorm）。",
    ),
    "eps-outside-sqrt": (
        "eps goes inside the square root: sqrt(var + eps).",
        "eps 在平方根里面：sqrt(var + eps)。",
    ),
    "forgot-activation": (
        "You skipped the activation: ReLU sets negative pre-activations to 0.",
        "漏了激活函数：ReLU 会把负的预激活值置为 0。",
    ),
    "bias-after-activation": (
        "The bias is added before the activation: relu(Wx + b), not relu(Wx) + b.",
        "偏置在激活之前加：relu(Wx + b)，而不是 relu(Wx) + b。",
    ),
    "forgot-input-factor": (
        "dz/dw_k = x_k (and dz/dx_k = w_k): the chain rule's last factor is missing.",
        "dz/dw_k = x_k（dz/dx_k = w_k）：漏了链式法则的最后一个因子。",
    ),
    "forgot-activation-derivative": (
        "The gradient passes through the activation: multiply by its derivative at z.",
        "梯度要经过激活函数：要乘以激活函数在 z 处的导数。",
    ),
    # a network with one layer changed (drill --network)
    "ignored-the-change": (
        "You kept the original network's size: the changed layer alters every size after it.",
        "你沿用了原网络的尺寸：改动的那一层会改变其后所有层的尺寸。",
    ),
}


def explain(name: str, lang: Lang) -> str:
    """The one-sentence explanation of a mistake; unknown names read as themselves."""
    en, zh = CATALOG.get(name, (name.replace("-", " "), name.replace("-", " ")))
    return zh if lang == "zh" else en
