/** Bytes in one GiB: GPU memory and every size on the site are counted in binary gigabytes (2^30 bytes). */
export const GIB = 2 ** 30;
