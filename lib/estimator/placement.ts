/**
 * Placement of a model on GPUs: llama.cpp layer split (with partial CPU offload of layers or of MoE
 * experts), vLLM tensor parallelism, smallest GPU count and largest context that fits.
 */
import type { ModelArchitecture } from "./config";
import { resolveInput, type EstimateInput, type ResolvedInput } from "./estimate";
import { tensorBytes } from "./formats";
import { kvCacheBreakdown } from "./kv-cache";
import { recurrentStateBytes, recurrentStatePerLayer } from "./recurrent";
import {
  CUDA_CONTEXT_BYTES,
  llamaCppComputeParts,
  overheadBytesPerGpu,
  vllmActivationBytes,
} from "./runtime";

export interface Hardware {
  gpuMemoryBytes: number;
  gpuCount: number;
  systemRamBytes?: number;
}

export interface Placement {
  fits: boolean;
  fitsInGpuOnly: boolean;
  perDeviceBytes: number[];
  gpuLayers: number;
  totalLayers: number;
  cpuBytes: number;
  offloadedExpertLayers: number;
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
}

/** Per-layer weight bytes split into expert and non-expert parts, plus the non-layer tensors. */
interface LayerBytes {
  layerDense: number[];
  layerExperts: number[];
  tokenEmbd: number;
  /** output head incl. output_norm (llama.cpp duplicates token_embd onto the GPU when tied). */
  outputHead: number;
}

function layerBytes(arch: ModelArchitecture, r: ResolvedInput): LayerBytes {
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

/** Contiguous split of `n` layers over `devices` equal GPUs (llama.cpp --split-mode layer, even tensor split). */
function splitLayers(first: number, n: number, devices: number): number[][] {
  const out: number[][] = [];
  for (let d = 0; d < devices; d++) {
    const a = first + Math.round((d * n) / devices);
    const b = first + Math.round(((d + 1) * n) / devices);
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
  gpus: number,
  gpuLayers: number,
  cpuMoe: number,
) {
  const L = arch.numLayers;
  const first = L - gpuLayers;
  const parts = llamaCppComputeParts(arch, r);
  const devices = Math.max(1, gpus);
  const split = splitLayers(first, gpuLayers, devices);
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
  let cpu = lb.tokenEmbd;
  for (let i = 0; i < L; i++) {
    if (i < first) cpu += lb.layerDense[i]! + lb.layerExperts[i]! + kvPerLayer[i]!;
    else if (i < cpuMoe) cpu += lb.layerExperts[i]!;
  }
  if (gpuLayers < L || gpus === 0) cpu += lb.outputHead - (arch.tieWordEmbeddings ? lb.tokenEmbd : 0);
  return { perDevice: gpus === 0 ? [] : perDevice, cpu };
}

function planLlamaCpp(arch: ModelArchitecture, r: ResolvedInput, hw: Hardware): Placement {
  const L = arch.numLayers;
  const lb = layerBytes(arch, r);
  // KV cells and recurrent state both live on their layer's device (llama-kv-cache.cpp, llama-memory-recurrent.cpp).
  const rsPerLayer = recurrentStatePerLayer(arch, r);
  const kvPerLayer = kvCacheBreakdown(arch, r).perLayer.map((b, i) => b + rsPerLayer[i]!);
  const fitsGpu = (p: { perDevice: number[] }) => p.perDevice.every((b) => b <= hw.gpuMemoryBytes);
  const mk = (
    p: { perDevice: number[]; cpu: number },
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
      offloadedExpertLayers: cpuMoe,
    };
  };

  const full = llamaCppPlan(arch, r, lb, kvPerLayer, hw.gpuCount, hw.gpuCount > 0 ? L : 0, 0);
  if (hw.gpuCount > 0 && fitsGpu(full)) return mk(full, L, 0, true);
  if (hw.systemRamBytes === undefined || hw.gpuCount === 0) {
    return mk(full, hw.gpuCount > 0 ? L : 0, 0, false);
  }
  // MoE: first move experts of the first N layers to the CPU (--n-cpu-moe), keeping attention on GPU.
  const moeLayers = arch.layers.filter((l) => l.moe).length;
  if (moeLayers > 0) {
    for (let n = 1; n <= L; n++) {
      const p = llamaCppPlan(arch, r, lb, kvPerLayer, hw.gpuCount, L, n);
      if (fitsGpu(p)) return mk(p, L, n, false);
    }
  }
  const cpuMoe = moeLayers > 0 ? L : 0;
  for (let g = L - 1; g >= 0; g--) {
    const p = llamaCppPlan(arch, r, lb, kvPerLayer, hw.gpuCount, g, cpuMoe);
    if (fitsGpu(p)) return mk(p, g, cpuMoe, false);
  }
  return mk(llamaCppPlan(arch, r, lb, kvPerLayer, hw.gpuCount, 0, cpuMoe), 0, cpuMoe, false);
}

/**
 * vLLM tensor parallel over `gpuCount` GPUs: matrices sharded 1/N, 1-D tensors replicated; KV heads
 * sharded but replicated when num_key_value_heads < N; the MLA latent cache is replicated on every rank.
 */
function planVllm(arch: ModelArchitecture, r: ResolvedInput, hw: Hardware): Placement {
  const L = arch.numLayers;
  const n = Math.max(1, hw.gpuCount);
  let shard = 0;
  for (const t of tensorBytes(arch, r.format, r.engine)) shard += t.tensor.oneDim ? t.bytes : t.bytes / n;
  const kv = kvCacheBreakdown(arch, r).bytes;
  const kvShare = arch.attention.kind === "mla" ? 1 : Math.max(1 / n, 1 / Math.max(1, arch.numKeyValueHeads));
  // Mamba / DeltaNet state is split by heads across tensor-parallel ranks like the projections that feed it.
  const rs = recurrentStateBytes(arch, r) / n;
  const per = shard + kv * kvShare + rs + vllmActivationBytes(arch, n) + overheadBytesPerGpu("vllm");
  const perDevice = hw.gpuCount === 0 ? [] : new Array(n).fill(Math.ceil(per));
  const fitsInGpuOnly = hw.gpuCount > 0 && per <= hw.gpuMemoryBytes;
  return {
    fits: fitsInGpuOnly,
    fitsInGpuOnly,
    perDeviceBytes: perDevice,
    gpuLayers: hw.gpuCount > 0 ? L : 0,
    totalLayers: L,
    cpuBytes: 0,
    offloadedExpertLayers: 0,
  };
}

export function planPlacement(arch: ModelArchitecture, input: EstimateInput, hardware: Hardware): Placement {
  checkHardware(hardware);
  const r = resolveInput(input);
  return r.engine === "vllm" ? planVllm(arch, r, hardware) : planLlamaCpp(arch, r, hardware);
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
