// The geometry of one convolution chunk, shared by im2col.cl and col2im.cl (which include it):
// B images, C input channels, H x W input, K x K kernel, STRIDE, PAD, HO x WO output, P = HO*WO.
// Every value comes in as a -D define; the defaults let each file compile alone.

#ifndef B
#define B 1 // images
#endif
#ifndef C
#define C 1 // input channels
#endif
#ifndef H
#define H 1 // input height
#endif
#ifndef W
#define W 1 // input width
#endif
#ifndef K
#define K 1 // kernel size
#endif
#ifndef STRIDE
#define STRIDE 1
#endif
#ifndef PAD
#define PAD 0
#endif
#ifndef HO
#define HO ((H + 2 * PAD - K) / STRIDE + 1) // floor mode, as PyTorch
#endif
#ifndef WO
#define WO ((W + 2 * PAD - K) / STRIDE + 1)
#endif
#define P (HO * WO)
