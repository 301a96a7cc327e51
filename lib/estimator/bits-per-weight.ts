// Average bits per weight of a whole model in one weight format: the figure a format list should show. A format's
// nominal rate (4.5 for Q4_K) is only its main block type; a GGUF "mix" keeps some tensors in other types
// (llama.cpp src/llama-quant.cpp: Q4_K_M puts half of attn_v / ffn_down in Q6_K, output.weight in Q6_K, norms in
// F32), so Q4_K_M, Q4_K_S and Q4_0 of the same model differ. Average = 8 × weight bytes ÷ parameter count.
import type { ModelArchitecture } from "./config";
import { weightBytes } from "./formats";
import type { Engine, WeightFormat } from "./formats";
import { countParameters } from "./parameters";

export function averageBitsPerWeight(
  arch: ModelArchitecture,
  format: WeightFormat,
  engine: Engine = "llama.cpp",
): number {
  const parameters = countParameters(arch).total;
  if (!(parameters > 0)) return 0;
  return (8 * weightBytes(arch, format, engine)) / parameters;
}
