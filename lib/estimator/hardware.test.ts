import { describe, expect, it } from "vitest";
import {
  amdApuDefaultGttBytes,
  amdApuTtmPagesLimitParameter,
  appleDefaultWorkingSetBytes,
  appleWiredLimitCommand,
  OS_RESERVE_BYTES,
  raisedUsableGpuBytes,
  raiseLimitHow,
  usableGpuBytes,
} from "./hardware";

const GIB = 2 ** 30;
const MIB = 2 ** 20;

describe("Apple silicon: default recommendedMaxWorkingSetSize against real logs", () => {
  // Values as llama.cpp's ggml_metal_init printed them; older builds divide by 2^20 ("MB" meaning MiB), newer
  // ones by 1e6. The tolerance is the print rounding (half of the last printed digit).
  const cases: { ramGiB: number; printed: number; unit: number; source: string }[] = [
    { ramGiB: 16, printed: 10922.67, unit: MIB, source: "abetlen/llama-cpp-python#687 (M1 16 GB)" },
    { ramGiB: 16, printed: 11453.25, unit: 1e6, source: "ggml-org/llama.cpp#11083 (M4 16 GB)" },
    { ramGiB: 32, printed: 21845.34, unit: MIB, source: "ollama/ollama#434 (M2 Max 32 GB)" },
    { ramGiB: 64, printed: 49152.0, unit: MIB, source: "ggml-org/llama.cpp#1870 (M1 Max 64 GB)" },
    { ramGiB: 96, printed: 73728.0, unit: MIB, source: "ggml-org/llama.cpp#3213 (M2 Max 96 GB)" },
    { ramGiB: 128, printed: 103079.22, unit: 1e6, source: "ardanlabs/kronk#10 (M4 Max 128 GB)" },
  ];

  it.each(cases)("$ramGiB GiB → $printed ($source)", ({ ramGiB, printed, unit }) => {
    const bytes = appleDefaultWorkingSetBytes(ramGiB * GIB);
    expect(Math.abs(bytes / unit - printed)).toBeLessThanOrEqual(0.005);
  });

  it("matches llama-server's device list on the 128 GB M4 Max (98304 MiB)", () => {
    // ardanlabs/kronk#10: "Metal: Apple M4 Max (98304 MiB, 98303 MiB free)".
    expect(appleDefaultWorkingSetBytes(128 * GIB)).toBe(98304 * MIB);
  });

  it("is the usable figure for the apple-silicon platform", () => {
    expect(usableGpuBytes(64 * GIB, "apple-silicon")).toBe(48 * GIB);
    expect(usableGpuBytes(24 * GIB, "apple-silicon")).toBe(16 * GIB);
  });

  it("uses two thirds up to 36 GiB and three quarters above", () => {
    expect(appleDefaultWorkingSetBytes(36 * GIB)).toBe(24 * GIB);
    expect(appleDefaultWorkingSetBytes(48 * GIB)).toBe(36 * GIB);
    expect(appleDefaultWorkingSetBytes(512 * GIB)).toBe(384 * GIB);
  });
});

describe("raising the Mac limit", () => {
  it("leaves 8 GiB to macOS and prints the exact sysctl", () => {
    expect(raisedUsableGpuBytes(64 * GIB, "apple-silicon")).toBe(56 * GIB);
    expect(appleWiredLimitCommand(64 * GIB)).toBe("sudo sysctl iogpu.wired_limit_mb=57344");
    expect(appleWiredLimitCommand(128 * GIB)).toBe("sudo sysctl iogpu.wired_limit_mb=122880");
    expect(appleWiredLimitCommand(512 * GIB)).toBe("sudo sysctl iogpu.wired_limit_mb=516096");
  });

  it("offers nothing where the reserve would leave less than the default (16 and 24 GiB Macs)", () => {
    expect(raisedUsableGpuBytes(16 * GIB, "apple-silicon")).toBeNull();
    expect(raisedUsableGpuBytes(24 * GIB, "apple-silicon")).toBeNull();
    expect(appleWiredLimitCommand(16 * GIB)).toBeNull();
    expect(raiseLimitHow(16 * GIB, "apple-silicon")).toBeNull();
  });

  it("describes the raise in one sentence with the command", () => {
    expect(raiseLimitHow(36 * GIB, "apple-silicon")).toContain("sudo sysctl iogpu.wired_limit_mb=28672");
  });
});

describe("Strix Halo (amd-apu)", () => {
  it("defaults to about half of RAM, the measured 63,968 MiB GTT on a 128 GB machine", () => {
    // antirez/ds4#475 dmesg: "63968M of GTT memory ready" (half of the RAM the kernel sees).
    const bytes = amdApuDefaultGttBytes(128 * GIB);
    expect(bytes / MIB).toBe(63968);
    expect(usableGpuBytes(128 * GIB, "amd-apu")).toBe(bytes);
    // Kernel rule max(3 GiB, RAM / 2): a half, within the carve-out's few GiB, and never below 3 GiB.
    expect(bytes).toBeGreaterThan(0.48 * 128 * GIB);
    expect(bytes).toBeLessThanOrEqual(64 * GIB);
    expect(amdApuDefaultGttBytes(4 * GIB)).toBe(3 * GIB);
  });

  it("raises to 120 GiB with ttm.pages_limit, the value lhl/strix-halo-testing uses", () => {
    expect(raisedUsableGpuBytes(128 * GIB, "amd-apu")).toBe(120 * GIB);
    expect(amdApuTtmPagesLimitParameter(128 * GIB)).toBe("ttm.pages_limit=31457280");
    // noamsto/nix-amd-ai#42: pages_limit=25165824 gave exactly 96 GiB, i.e. 4 KiB pages.
    expect(25165824 * 4096).toBe(96 * GIB);
  });
});

describe("DGX Spark (nvidia-gb10)", () => {
  it("is the kernel's MemTotal minus the OS reserve, and has no knob", () => {
    expect(usableGpuBytes(128 * GIB, "nvidia-gb10")).toBe(130_663_006_208 - OS_RESERVE_BYTES);
    expect(raisedUsableGpuBytes(128 * GIB, "nvidia-gb10")).toBeNull();
    expect(raiseLimitHow(128 * GIB, "nvidia-gb10")).toBeNull();
  });
});

describe("discrete cards and bad input", () => {
  it("discrete cards use all their memory and have nothing to raise", () => {
    expect(usableGpuBytes(24 * GIB, "discrete")).toBe(24 * GIB);
    expect(raisedUsableGpuBytes(24 * GIB, "discrete")).toBeNull();
  });

  it("rejects sizes that are not positive integers with a clear message", () => {
    expect(() => usableGpuBytes(0, "discrete")).toThrow("memoryBytes must be a positive integer, got 0");
    expect(() => usableGpuBytes(Number.NaN, "apple-silicon")).toThrow(/positive integer/);
    expect(() => appleDefaultWorkingSetBytes(1.5)).toThrow(/positive integer/);
  });
});
