/**
 * How much of a device's memory the GPU may use: the rule per kind of memory, with its sources.
 *
 * Discrete cards report their whole memory; the planner subtracts the CUDA/driver context separately
 * (runtime.ts), so usable = memory here.
 *
 * Unified memory is shared with the operating system and the CPU, and each platform caps the GPU's share:
 *
 * - Apple silicon: Metal reports `MTLDevice.recommendedMaxWorkingSetSize`; llama.cpp's Metal backend sizes its
 *   device from it and warns when allocations exceed it. Values printed by `ggml_metal_init` in real logs:
 *     16 GiB → 10922.67 MiB  (llama-cpp-python#687; M4 16 GB: "11453.25 MB" decimal, llama.cpp#11083)
 *     32 GiB → 21845.34 MiB  (ollama#434, llama.cpp#2011)
 *     64 GiB → 49152.00 MiB  (llama.cpp#1870)
 *     96 GiB → 73728.00 MiB  (llama.cpp#3213)
 *    128 GiB → 103079.22 MB decimal = 98304 MiB (M4 Max, ardanlabs/kronk#10)
 *   i.e. 2/3 of RAM on small machines and 3/4 on large ones, rounded up to a 16 KiB page (the 32 GiB value,
 *   21845.34 rather than 21845.33, shows the rounding). Where the step sits between 32 and 64 GiB has no log
 *   we could find; the commonly repeated description (e.g. thinkdifferent.blog, "the MacBook Pro setting that
 *   doubles your AI performance") puts machines of 36 GB or less at about two thirds, so we do the same.
 *   macOS 26 reports more on some machines (107.52 GiB on 128 GiB M5 Max hosts, antirez/ds4#893,
 *   osaurus-ai/osaurus#1958); the older, lower figure is kept as the default until that is measured widely.
 *   `sudo sysctl iogpu.wired_limit_mb=<MiB>` raises the cap until reboot and Metal then reports exactly that
 *   value (AlexsJones/llmfit#754 measured 12000 and 14000 MiB on a 16 GB M3).
 * - AMD Ryzen AI Max ("Strix Halo"): the iGPU allocates from GTT. Linux's amdgpu default is half of system
 *   RAM (kernel commit "drm/amdgpu: Adjust logic around GTT size (v3)": max(3 GiB, RAM/2); antirez/ds4#475
 *   shows "63968M of GTT memory ready" on a 128 GB machine). It is raised with the `ttm.pages_limit` kernel
 *   parameter (4 KiB pages; noamsto/nix-amd-ai#42 measured pages_limit=25165824 → exactly 96 GiB of GTT;
 *   lhl/strix-halo-testing sets 120 GiB). On Windows, AMD's Variable Graphics Memory gives up to 96 GB of a
 *   128 GB machine to the GPU (amd.com, "FAQs: AMD Variable Graphics Memory").
 * - NVIDIA GB10 (DGX Spark): no carve-out and no knob; CUDA's total equals the kernel's MemTotal, 121.69 GiB
 *   (130,663,006,208 bytes) on a 128 GB unit (unslothai/unsloth#10486, Syllo/nvtop#449), and an idle system
 *   already uses about 8 GiB of it (nvtop#449: 8.0–8.7 GiB). Usable = MemTotal minus the OS reserve below.
 *
 * OS reserve when raising a limit: 8 GiB. An idle DGX Spark uses 8.0–8.7 GiB; people raising the Mac limit
 * leave 6 GB on 64–96 GB machines (antirez/ds4#46: 92000 MiB of 96 GB; jundot/omlx#1533: 58 of 64 GB);
 * 8 GiB leaves room for a browser and the desktop as well.
 */
import { GIB } from "./units";

const MIB = 2 ** 20;

/** The kinds of memory the rule distinguishes. */
export type MemoryPlatform = "discrete" | "apple-silicon" | "amd-apu" | "nvidia-gb10";

/** Memory left to the operating system when a GPU limit is raised by hand. */
export const OS_RESERVE_BYTES = 8 * GIB;

/** Apple silicon rounds the working set to its 16 KiB VM page. */
export const APPLE_PAGE_BYTES = 16 * 1024;

/** Largest RAM size (inclusive) where macOS gives the GPU two thirds by default; above it, three quarters. */
export const APPLE_TWO_THIRDS_MAX_BYTES = 36 * GIB;

/** GB10 (DGX Spark): marketed 128 GB, of which the kernel sees 130,663,006,208 bytes (unsloth#10486). */
export const GB10_OS_VISIBLE_BYTES_OF_128_GIB = 130_663_006_208;

/** Strix Halo: bytes per TTM page, the unit of `ttm.pages_limit`. */
export const TTM_PAGE_BYTES = 4096;

/**
 * Strix Halo default GTT measured on a 128 GB machine: 63,968 MiB (antirez/ds4#475). It is half of the RAM the
 * kernel sees, which is a little less than 128 GiB once firmware and the BIOS carve-out are taken out.
 */
export const AMD_APU_DEFAULT_GTT_BYTES_OF_128_GIB = 63_968 * 2 ** 20;

function roundUpTo(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

function assertMemory(memoryBytes: number): void {
  if (!Number.isSafeInteger(memoryBytes) || memoryBytes <= 0) {
    throw new RangeError(`memoryBytes must be a positive integer, got ${String(memoryBytes)}`);
  }
}

/** macOS's default `recommendedMaxWorkingSetSize` for a Mac with `ramBytes` of unified memory. */
export function appleDefaultWorkingSetBytes(ramBytes: number): number {
  assertMemory(ramBytes);
  const fraction = ramBytes <= APPLE_TWO_THIRDS_MAX_BYTES ? 2 / 3 : 3 / 4;
  return Math.min(ramBytes, roundUpTo(ramBytes * fraction, APPLE_PAGE_BYTES));
}

/**
 * The Linux amdgpu default GTT size for an APU: half of the RAM the kernel sees, never below 3 GiB. The
 * kernel-visible share of RAM is taken from the measured 128 GB machine and scaled for other sizes.
 */
export function amdApuDefaultGttBytes(ramBytes: number): number {
  assertMemory(ramBytes);
  const half = (ramBytes * AMD_APU_DEFAULT_GTT_BYTES_OF_128_GIB) / (128 * GIB);
  return Math.min(ramBytes, Math.max(3 * GIB, Math.floor(half / TTM_PAGE_BYTES) * TTM_PAGE_BYTES));
}

/** What the kernel of a GB10 system sees, scaled from the measured 128 GiB unit. */
function gb10OsVisibleBytes(memoryBytes: number): number {
  return Math.floor((memoryBytes * GB10_OS_VISIBLE_BYTES_OF_128_GIB) / (128 * GIB));
}

/** Memory the GPU may use without changing any system setting. */
export function usableGpuBytes(memoryBytes: number, platform: MemoryPlatform): number {
  assertMemory(memoryBytes);
  switch (platform) {
    case "discrete":
      return memoryBytes;
    case "apple-silicon":
      return appleDefaultWorkingSetBytes(memoryBytes);
    case "amd-apu":
      return amdApuDefaultGttBytes(memoryBytes);
    case "nvidia-gb10":
      return Math.max(0, gb10OsVisibleBytes(memoryBytes) - OS_RESERVE_BYTES);
  }
}

/**
 * Memory the GPU may use after raising the limit, leaving OS_RESERVE_BYTES to the system; null when there is
 * no limit to raise (discrete cards, GB10) or raising it would not give more than the default.
 * Rounded down to whole MiB, the unit of both `iogpu.wired_limit_mb` and the TTM page count.
 */
export function raisedUsableGpuBytes(memoryBytes: number, platform: MemoryPlatform): number | null {
  assertMemory(memoryBytes);
  if (platform === "discrete" || platform === "nvidia-gb10") return null;
  const raised = Math.floor((memoryBytes - OS_RESERVE_BYTES) / MIB) * MIB;
  return raised > usableGpuBytes(memoryBytes, platform) ? raised : null;
}

/** The exact command that raises a Mac's GPU limit to `raisedUsableGpuBytes` (until the next reboot). */
export function appleWiredLimitCommand(ramBytes: number): string | null {
  const raised = raisedUsableGpuBytes(ramBytes, "apple-silicon");
  return raised === null ? null : `sudo sysctl iogpu.wired_limit_mb=${raised / MIB}`;
}

/** The Linux kernel parameter that gives a Strix Halo GPU `raisedUsableGpuBytes` of GTT. */
export function amdApuTtmPagesLimitParameter(ramBytes: number): string | null {
  const raised = raisedUsableGpuBytes(ramBytes, "amd-apu");
  return raised === null ? null : `ttm.pages_limit=${raised / TTM_PAGE_BYTES}`;
}

/** One short sentence on how to raise the limit, with the exact command; null when there is nothing to raise. */
export function raiseLimitHow(memoryBytes: number, platform: MemoryPlatform): string | null {
  if (platform === "apple-silicon") {
    const command = appleWiredLimitCommand(memoryBytes);
    return command === null ? null : `Run \`${command}\` in Terminal; it lasts until the next restart.`;
  }
  if (platform === "amd-apu") {
    const parameter = amdApuTtmPagesLimitParameter(memoryBytes);
    return parameter === null
      ? null
      : `On Linux, add \`${parameter}\` to the kernel command line and reboot; on Windows, set Variable Graphics Memory in AMD Software (up to 96 GB on a 128 GB machine).`;
  }
  return null;
}
