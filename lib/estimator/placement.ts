/**
 * Placement of a model on GPUs: llama.cpp layer split (with partial CPU offload of layers or of MoE
 * experts), vLLM tensor parallelism, smallest GPU count and largest context that fits.
 */
import type { ModelArchitecture } from "./config";
import { finiteResult, resolveInput, type EstimateInput, type ResolvedInput } from "./estimate";
import { tensorBytes } from "./formats";
import { kvCacheBreakdown } from "./kv-cache";
import { recurrentStateBytes, recurrentStatePerLayer } from "./recurrent";
import {
  CUDA_CONTEXT_BYTES,
  computeBytes,
  llamaCppComputeParts,
  overheadBytesPerGpu,
  vllmActivationBytes,
} from "./runtime";

export interface Hardware {
  gpuMemoryBytes: number;
  gpuCount: number;
  systemRamBytes?: number;
  /**
   * Mixed cards: usable bytes of each GPU, in device order (overrides gpuMemoryBytes × gpuCount). llama.cpp splits
   * layers in proportion to each device's memory (llama-model.cpp load_tensors: without --tensor-split the split
   * follows each device's free memory); vLLM shards evenly, so the smallest card decides.
   */
  deviceMemoryBytes?: readonly number[];
}

/** Where the host-memory bytes of a llama.cpp placement come from. */
export interface CpuBytesBreakdown {
  /** token_embd: llama.cpp keeps the input embedding in host memory and looks rows up there (llama-model.cpp). */
  tokenEmbeddings: number;
  /** whole repeating layers left on the CPU (-ngl below the layer count), incl. their KV cache. */
  layers: number;
  /** routed experts kept in host memory (--n-cpu-moe / -ot exps=CPU). */
  experts: number;
  /** output head when not all layers are on a GPU. */
  outputHead: number;
}

export interface Placement {
  fits: boolean;
  fitsInGpuOnly: boolean;
  perDeviceBytes: number[];
  gpuLayers: number;
  totalLayers: number;
  cpuBytes: number;
  cpuBreakdown: CpuBytesBreakdown;
  offloadedExpertLayers: number;
}

/** Usable bytes of every GPU of the hardware, in device order. */
export function deviceMemories(h: Hardware): number[] {
  if (h.deviceMemoryBytes && h.deviceMemoryBytes.length > 0) return [...h.deviceMemoryBytes];
  return new Array<number>(h.gpuCount).fill(h.gpuMemoryBytes);
}

function checkHardware(h: Hardware): void {
  if (typeof h !== "object" || h === null) throw new RangeError("hardware must be an object");
  if (!(typeof h.gpuMemoryBytes === "number" && h.gpuMemoryBytes >= 0 && Number.isFinite(h.gpuMemoryBytes))) {
    throw new RangeError(`gpuMemoryBytes must be a non-negative number, got ${String(h.gpuMemoryBytes)}`);
  }
  if (!(Number.isInteger(h.gpuCount) && h.gpuCount >= 0)) {
    throw new RangeError(`gpuCount must be a non-negative integer, got ${String(h.gpuCount)}`);
  }
  if (h.systemRamBytes !== undefined && !(typeof h.systemRamBytes === "number" && h.systemRamBytes >= 0)) {
    throw new RangeError(`systemRamBytes must be a non-negative number`);
  }
  if (h.deviceMemoryBytes !== undefined) {
    if (!Array.isArray(h.deviceMemoryBytes) || h.deviceMemoryBytes.length > 64) {
      throw new RangeError("deviceMemoryBytes must be an array of at most 64 sizes");
    }
    for (const b of h.deviceMemoryBytes) {
      if (!(typeof b === "number" && b >= 0 && Number.isFinite(b))) {
        throw new RangeError(`deviceMemoryBytes must hold non-negative numbers, got ${String(b)}`);
      }
    }
  }
}

/** Per-layer weight bytes split into expert and non-expert parts, plus the non-layer tensors. */
interface LayerBytes {
  layerDense: number[];
  layerExperts: number[];
  tokenEmbd: number;
  /** output head incl. output_norm (llama.cpp duplicates token_embd onto the GPU when tied). */
  outputHead: number;
}

// Weight bytes per layer depend only on (architecture, format, engine); pages ask for many contexts and devices.
const layerBytesCache = new WeakMap<ModelArchitecture, Map<string, LayerBytes>>();

function layerBytes(arch: ModelArchitecture, r: ResolvedInput): LayerBytes {
  const key = `${r.format}/${r.engine}`;
  let perArch = layerBytesCache.get(arch);
  if (!perArch) {
    perArch = new Map();
    layerBytesCache.set(arch, perArch);
  }
  const cached = perArch.get(key);
  if (cached) return cached;
  const computed = computeLayerBytes(arch, r);
  perArch.set(key, computed);
  return computed;
}

function computeLayerBytes(arch: ModelArchitecture, r: ResolvedInput): LayerBytes {
  const n = arch.numLayers;
  const lb: LayerBytes = {
    layerDense: new Array(n).fill(0),
    layerExperts: new Array(n).fill(0),
    tokenEmbd: 0,
    outputHead: 0,
  };
  for (const t of tensorBytes(arch, r.format, r.engine)) {
    const { role, routedExpert } = t.tensor;
    // MTP blocks (GGUF-only, after the repeating layers) sit with the last layer and the output head.
    const layer = Math.min(t.tensor.layer, arch.numLayers - 1);
    if (role === "token_embd") {
      lb.tokenEmbd += t.bytes;
      if (arch.tieWordEmbeddings) lb.outputHead += t.bytes;
    } else if (role === "per_layer_embd") {
      // Gemma per-layer embeddings are looked up on the host like token_embd.
      lb.tokenEmbd += t.bytes;
    } else if (layer < 0) {
      lb.outputHead += t.bytes;
    } else if (routedExpert) {
      lb.layerExperts[layer]! += t.bytes;
    } else {
      lb.layerDense[layer]! += t.bytes;
    }
  }
  return lb;
}

/**
 * Contiguous split of `n` layers over GPUs in proportion to `weights` (llama.cpp --split-mode layer: the tensor
 * split defaults to each device's memory; equal cards get equal shares).
 */
function splitLayers(first: number, n: number, weights: readonly number[]): number[][] {
  const out: number[][] = [];
  const devices = weights.length;
  const sum = weights.reduce((a, w) => a + w, 0);
  const share = (d: number) =>
    sum > 0 ? weights.slice(0, d).reduce((a, w) => a + w, 0) / sum : d / Math.max(1, devices);
  for (let d = 0; d < devices; d++) {
    const a = first + Math.round(share(d) * n);
    const b = first + Math.round(share(d + 1) * n);
    const idx: number[] = [];
    for (let i = a; i < b; i++) idx.push(i);
    out.push(idx);
  }
  return out;
}

/**
 * llama.cpp plan for a given number of GPU layers and of layers whose experts stay on the CPU.
 * llama.cpp offloads the last `gpuLayers` repeating layers (i_gpu_start = n_layer - n_gpu_layers),
 * keeps token_embd in host memory, and puts the output head on the last GPU when all layers are offloaded.
 * --n-cpu-moe N keeps the routed experts of the first N layers in host memory.
 */
function llamaCppPlan(
  arch: ModelArchitecture,
  r: ResolvedInput,
  lb: LayerBytes,
  kvPerLayer: number[],
  memories: readonly number[],
  gpuLayers: number,
  cpuMoe: number,
) {
  const L = arch.numLayers;
  const gpus = memories.length;
  const first = L - gpuLayers;
  const parts = llamaCppComputeParts(arch, r);
  const devices = Math.max(1, gpus);
  const split = splitLayers(first, gpuLayers, gpus > 0 ? memories : [1]);
  const perDevice = split.map((layers, d) => {
    if (gpus === 0) return 0;
    let b = CUDA_CONTEXT_BYTES;
    for (const i of layers) {
      b += lb.layerDense[i]! + kvPerLayer[i]!;
      if (i >= cpuMoe) b += lb.layerExperts[i]!;
    }
    // the device holding the output head also computes the logits
    const holdsOutput = d === devices - 1 && gpuLayers === L;
    if (holdsOutput) b += lb.outputHead;
    b += holdsOutput ? parts.withOutput : parts.layersOnly;
    return b;
  });
  const cpuParts: CpuBytesBreakdown = { tokenEmbeddings: lb.tokenEmbd, layers: 0, experts: 0, outputHead: 0 };
  for (let i = 0; i < L; i++) {
    if (i < first) cpuParts.layers += lb.layerDense[i]! + lb.layerExperts[i]! + kvPerLayer[i]!;
    else if (i < cpuMoe) cpuParts.experts += lb.layerExperts[i]!;
  }
  if (gpuLayers < L || gpus === 0)
    cpuParts.outputHead = lb.outputHead - (arch.tieWordEmbeddings ? lb.tokenEmbd : 0);
  const cpu = cpuParts.tokenEmbeddings + cpuParts.layers + cpuParts.experts + cpuParts.outputHead;
  return { perDevice: gpus === 0 ? [] : perDevice, cpu, cpuParts };
}

function planLlamaCpp(arch: ModelArchitecture, r: ResolvedInput, hw: Hardware): Placement {
  const L = arch.numLayers;
  const lb = layerBytes(arch, r);
  // KV cells and recurrent state both live on their layer's device (llama-kv-cache.cpp, llama-memory-recurrent.cpp).
  const rsPerLayer = recurrentStatePerLayer(arch, r);
  const kvPerLayer = kvCacheBreakdown(arch, r).perLayer.map((b, i) => b + rsPerLayer[i]!);
  const memories = deviceMemories(hw);
  const gpuCount = memories.length;
  const fitsGpu = (p: { perDevice: number[] }) => p.perDevice.every((b, d) => b <= memories[d]!);
  const mk = (
    p: { perDevice: number[]; cpu: number; cpuParts: CpuBytesBreakdown },
    gpuLayers: number,
    cpuMoe: number,
    fitsInGpuOnly: boolean,
  ): Placement => {
    const ram = hw.systemRamBytes;
    const fits = fitsInGpuOnly || (ram !== undefined && fitsGpu(p) && p.cpu <= ram);
    return {
      fits,
      fitsInGpuOnly,
      perDeviceBytes: p.perDevice.map((b) => Math.ceil(b)),
      gpuLayers,
      totalLayers: L,
      cpuBytes: Math.ceil(p.cpu),
      cpuBreakdown: p.cpuParts,
      offloadedExpertLayers: cpuMoe,
    };
  };

  const full = llamaCppPlan(arch, r, lb, kvPerLayer, memories, gpuCount > 0 ? L : 0, 0);
  if (gpuCount > 0 && fitsGpu(full)) return mk(full, L, 0, true);
  if (hw.systemRamBytes === undefined || gpuCount === 0) {
    return mk(full, gpuCount > 0 ? L : 0, 0, false);
  }
  // MoE: first move experts of the first N layers to the CPU (--n-cpu-moe), keeping attention on GPU.
  const moeLayers = arch.layers.filter((l) => l.moe).length;
  // GPU bytes fall as more experts or layers move to the CPU, so both searches bisect (then step to the exact
  // edge, in case a layer boundary between devices makes the curve uneven): O(L log L) instead of O(L²).
  if (moeLayers > 0) {
    const withCpuMoe = (n: number) => llamaCppPlan(arch, r, lb, kvPerLayer, memories, L, n);
    const n = lowestTrue(1, L, (k) => fitsGpu(withCpuMoe(k)));
    if (n !== null) return mk(withCpuMoe(n), L, n, false);
  }
  const cpuMoe = moeLayers > 0 ? L : 0;
  const withGpuLayers = (g: number) => llamaCppPlan(arch, r, lb, kvPerLayer, memories, g, cpuMoe);
  // Largest g in [0, L-1] that fits = L - 1 - (lowest k in [0, L-1] with fits(L - 1 - k)).
  const k = lowestTrue(0, L - 1, (j) => fitsGpu(withGpuLayers(L - 1 - j)));
  if (k !== null) return mk(withGpuLayers(L - 1 - k), L - 1 - k, cpuMoe, false);
  return mk(withGpuLayers(0), 0, cpuMoe, false);
}

/** Lowest i in [lo, hi] with ok(i), for an ok that is false then true; null when ok(hi) is false. */
function lowestTrue(lo: number, hi: number, ok: (i: number) => boolean): number | null {
  if (hi < lo || !ok(hi)) return null;
  let a = lo - 1; // ok(a) treated as false
  let b = hi; // ok(b) is true
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) b = mid;
    else a = mid;
  }
  while (b > lo && ok(b - 1)) b--;
  return b;
}

/**
 * vLLM tensor parallel over `gpuCount` GPUs: matrices sharded 1/N, 1-D tensors replicated; KV heads
 * sharded but replicated when num_key_value_heads < N; the MLA latent cache is replicated on every rank.
 */
function planVllm(arch: ModelArchitecture, r: ResolvedInput, hw: Hardware): Placement {
  const L = arch.numLayers;
  const memories = deviceMemories(hw);
  const n = Math.max(1, memories.length);
  let shard = 0;
  for (const t of tensorBytes(arch, r.format, r.engine)) shard += t.tensor.oneDim ? t.bytes : t.bytes / n;
  const kv = kvCacheBreakdown(arch, r).bytes;
  const kvShare = arch.attention.kind === "mla" ? 1 : Math.max(1 / n, 1 / Math.max(1, arch.numKeyValueHeads));
  // Mamba / DeltaNet state is split by heads across tensor-parallel ranks like the projections that feed it.
  const rs = recurrentStateBytes(arch, r) / n;
  const per = shard + kv * kvShare + rs + vllmActivationBytes(arch, n) + overheadBytesPerGpu("vllm");
  const perDevice = memories.length === 0 ? [] : new Array<number>(n).fill(Math.ceil(per));
  // Even shards: every card must hold one, so the smallest card decides.
  const fitsInGpuOnly = memories.length > 0 && memories.every((m) => per <= m);
  return {
    fits: fitsInGpuOnly,
    fitsInGpuOnly,
    perDeviceBytes: perDevice,
    gpuLayers: memories.length > 0 ? L : 0,
    totalLayers: L,
    cpuBytes: 0,
    cpuBreakdown: { tokenEmbeddings: 0, layers: 0, experts: 0, outputHead: 0 },
    offloadedExpertLayers: 0,
  };
}

/**
 * mlx-lm on Apple silicon: weights, cache and activations are all Metal buffers in unified memory, counted against
 * the GPU's working-set limit (mlx_lm/server.py: mx.set_wired_limit(max_recommended_working_set_size)); nothing stays
 * on the host (unlike llama.cpp's token_embd) and nothing is offloaded. On one Mac the device holds exactly the
 * estimate's total. Several Macs (mlx.launch, mlx_lm.server --pipeline) split the layers: each holds a share of the
 * weights and cache in proportion to its memory, plus the activations.
 */
function planMlx(arch: ModelArchitecture, r: ResolvedInput, hw: Hardware): Placement {
  const memories = deviceMemories(hw);
  let weights = 0;
  for (const t of tensorBytes(arch, r.format, r.engine)) weights += t.bytes;
  const split = weights + kvCacheBreakdown(arch, r).bytes + recurrentStateBytes(arch, r);
  const perDevice = memorySplit(split, memories).map((share) =>
    Math.ceil(share + computeBytes(arch, r) + overheadBytesPerGpu("mlx")),
  );
  const fitsInGpuOnly = memories.length > 0 && perDevice.every((b, d) => b <= memories[d]!);
  return {
    fits: fitsInGpuOnly,
    fitsInGpuOnly,
    perDeviceBytes: perDevice,
    gpuLayers: memories.length > 0 ? arch.numLayers : 0,
    totalLayers: arch.numLayers,
    cpuBytes: 0,
    cpuBreakdown: { tokenEmbeddings: 0, layers: 0, experts: 0, outputHead: 0 },
    offloadedExpertLayers: 0,
  };
}

/** `bytes` shared out in proportion to each device's memory (all of it on one device). */
function memorySplit(bytes: number, memories: readonly number[]): number[] {
  const sum = memories.reduce((a, m) => a + m, 0);
  return memories.map((m) => (sum > 0 ? (bytes * m) / sum : bytes / memories.length));
}

export function planPlacement(arch: ModelArchitecture, input: EstimateInput, hardware: Hardware): Placement {
  checkHardware(hardware);
  const r = resolveInput(input);
  const plan =
    r.engine === "vllm"
      ? planVllm(arch, r, hardware)
      : r.engine === "mlx"
        ? planMlx(arch, r, hardware)
        : planLlamaCpp(arch, r, hardware);
  plan.perDeviceBytes.forEach((bytes) => finiteResult("memory per device", bytes));
  finiteResult("system memory", plan.cpuBytes);
  return plan;
}

/** Smallest number of GPUs of this size that hold the whole model and cache, or null if more than maxGpus. */
export function smallestGpuCount(
  arch: ModelArchitecture,
  input: EstimateInput,
  gpuMemoryBytes: number,
  maxGpus = 8,
): number | null {
  const r = resolveInput(input);
  for (let n = 1; n <= maxGpus; n++) {
    // vLLM tensor parallelism needs the attention heads to divide evenly across ranks.
    if (r.engine === "vllm" && arch.numAttentionHeads % n !== 0) continue;
    if (planPlacement(arch, r, { gpuMemoryBytes, gpuCount: n }).fitsInGpuOnly) return n;
  }
  return null;
}

/** Largest context (tokens, ≤ model max) whose estimate fits the hardware fully on GPU; 0 if none. */
export function maxContextThatFits(
  arch: ModelArchitecture,
  input: Omit<EstimateInput, "contextTokens">,
  hardware: Hardware,
): number {
  const fits = (c: number) => planPlacement(arch, { ...input, contextTokens: c }, hardware).fitsInGpuOnly;
  let lo = 0;
  let hi = arch.maxPositionEmbeddings;
  if (hi < 1 || !fits(1)) return 0;
  if (fits(hi)) return hi;
  lo = 1; // fits(lo) is true, fits(hi) is false
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
