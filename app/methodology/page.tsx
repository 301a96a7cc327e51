import type { Metadata } from "next";
import Link from "next/link";
import { BreadcrumbJsonLd } from "next-seo";
import { SpeedEvidence } from "@/components/evidence/speed-evidence";
import { ValidationTable } from "@/components/methodology/validation-table";
import {
  CUDA_CONTEXT_BYTES,
  DEFAULTS,
  GGML_TYPES,
  ggmlBitsPerWeight,
  SUPPORTED_MODEL_TYPES,
} from "@/lib/estimator";
import type { GgmlType } from "@/lib/estimator";
import { formatGib } from "@/lib/format";
import { breadcrumbJsonLd, sectionBreadcrumbs, toolPageMetadata } from "@/lib/seo/index";
import { runValidation, summarize, TOLERANCES } from "@/lib/validation";
import { RowHeader, Table, TableScroll, Td, Tr } from "@/components/ui/table";
import type { TableColumn } from "@/components/ui/table";

export const metadata: Metadata = toolPageMetadata("methodology");

const SHOWN_TYPES: readonly GgmlType[] = [
  "F32",
  "F16",
  "BF16",
  "Q8_0",
  "Q6_K",
  "Q5_K",
  "Q4_K",
  "Q3_K",
  "Q2_K",
  "Q4_0",
  "IQ4_XS",
  "IQ3_XXS",
  "IQ2_XXS",
  "IQ1_S",
  "MXFP4",
];

const GGML_COLUMNS: readonly TableColumn[] = [
  { label: "Type" },
  { label: "Weights per block", align: "right" },
  { label: "Bytes per block", align: "right" },
  { label: "Bits per weight", align: "right" },
];

const SUMMARY_COLUMNS: readonly TableColumn[] = [
  { label: "What" },
  { label: "Rows checked", align: "right" },
  { label: "Within tolerance", align: "right" },
  { label: "Median |error|", align: "right" },
  { label: "Worst" },
];

const KIND_LABELS: Record<string, string> = {
  parameters: "Parameter counts",
  gguf: "GGUF file sizes",
  mlx: "MLX file sizes",
  kv: "KV cache bytes",
  recurrent: "Recurrent state",
  compute: "Compute buffers",
  vllm: "vLLM memory",
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function MethodologyPage() {
  const rows = runValidation();
  const summary = summarize(rows);
  return (
    <article className="prose space-y-10 [--prose-h2-mt:0]">
      <BreadcrumbJsonLd
        {...breadcrumbJsonLd(sectionBreadcrumbs("Methodology"))}
        scriptId="breadcrumb-jsonld"
      />
      <header className="not-prose space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Methodology</h1>
        <p className="text-secondary max-w-3xl text-lg">
          Every memory figure on modelfit comes from one estimator, fed with the model&apos;s own{" "}
          <code>config.json</code>. This page explains each term in words, names where each rule comes from,
          and shows how close the estimates are to real files and real engine logs.
        </p>
      </header>

      <Section id="total" title="What a figure includes">
        <p>
          A total is the sum of five separately computed terms: the <strong>weights</strong> in the chosen
          format, the <strong>KV cache</strong> of the attention layers for the chosen context and number of
          sequences, the <strong>recurrent state</strong> of hybrid models (zero for attention-only models),
          the engine&apos;s <strong>compute buffers</strong>, and a fixed <strong>runtime overhead</strong>{" "}
          per GPU. None of them is a flat percentage.
        </p>
        <p>
          Unless stated otherwise the figures use the llama.cpp profile: {DEFAULTS.sequences} sequence, a
          micro-batch (<code>n_ubatch</code>) of {DEFAULTS.ubatchTokens} tokens, an {DEFAULTS.kvCacheType} KV
          cache and flash attention on (llama.cpp&apos;s automatic default on GPUs that support it). The{" "}
          <Link href="/calculator">calculator</Link> starts from the same settings and lets you change each of
          them.
        </p>
      </Section>

      <Section id="architecture" title="Architecture and parameters">
        <p>
          The estimator reads the Hugging Face <code>config.json</code> of {SUPPORTED_MODEL_TYPES.length}{" "}
          model types ({SUPPORTED_MODEL_TYPES.join(", ")}), applying each type&apos;s defaults from the{" "}
          <code>transformers</code> configuration classes: tied embeddings when the key is absent,{" "}
          <code>use_sliding_window: false</code> switching off a <code>sliding_window</code> value, an
          explicit <code>head_dim</code> instead of hidden size ÷ heads, Gemma&apos;s alternation of local and
          global layers, gpt-oss&apos;s <code>layer_types</code>. A config that lacks a required field is
          rejected with the name of that field.
        </p>
        <p>
          Parameters are counted tensor by tensor from those shapes: embeddings and an untied output head,
          attention projections with their biases where a model has them (Qwen2), per-head query/key norms
          (Qwen3, Gemma 3), DeepSeek&apos;s low-rank MLA projections and their norms, dense feed-forward
          blocks, routers, routed and shared experts, every norm vector, and gpt-oss&apos;s attention sinks.
          The same list of tensors drives the weight sizes below. &ldquo;Active&rdquo; parameters are counted
          as each family&apos;s model cards count them: every non-expert tensor plus the routed experts a
          token is sent to and the shared experts, with the whole input-embedding table included (Mistral,
          Qwen, Meta, Google: Mixtral 8x7B&apos;s 12.9B, Qwen3-30B-A3B&apos;s 3.3B) or left out where the
          vendor leaves it out (gpt-oss, DeepSeek, Nemotron, GLM, MiniMax, Qwen3-Next and Qwen3.5 / 3.6). The
          decode-speed bound uses the compute figure instead, one embedding row per token.
        </p>
      </Section>

      <Section id="weights" title="Weights">
        <p>
          GGUF sizes follow ggml&apos;s block layouts (<code>ggml-common.h</code>): each type stores a fixed
          number of weights per block in a fixed number of bytes, so a tensor of <em>n</em> weights per row
          takes ⌈n ÷ block⌉ × bytes-per-block per row.
        </p>
        <TableScroll label="ggml block layouts, scrollable" className="not-prose p-2">
          <Table density="compact" columns={GGML_COLUMNS} caption="Bits per weight of each ggml tensor type">
            {SHOWN_TYPES.map((type) => (
              <Tr density="compact" key={type}>
                <RowHeader density="compact" className="font-mono font-normal">
                  {type}
                </RowHeader>
                <Td density="compact" numeric>
                  {GGML_TYPES[type].blockSize}
                </Td>
                <Td density="compact" numeric>
                  {GGML_TYPES[type].bytesPerBlock}
                </Td>
                <Td density="compact" numeric>
                  {ggmlBitsPerWeight(type).toFixed(4)}
                </Td>
              </Tr>
            ))}
          </Table>
        </TableScroll>
        <p>
          A named format such as Q4_K_M is a <em>mix</em>: llama.cpp&apos;s quantizer (
          <code>llama_tensor_get_type</code> in <code>llama-quant.cpp</code>) gives more bits to the tensors
          that hurt most when squeezed — the output head, the attention value projection and part of the
          feed-forward down projections — keeps 1-D tensors (norms, biases) in F32, falls back to a smaller
          block type when a row length is not a multiple of 256, and leaves tensors that were released in a
          native low-bit format as they are (gpt-oss&apos;s MXFP4 experts). That is why a Q4_K_M file averages
          close to 5 bits per weight, not 4. For GPU engines, BF16, FP8, INT8 and AWQ/GPTQ INT4 (group size
          128, one fp16 scale and a 4-bit zero point per group) are priced the same way.
        </p>
        <p>
          MLX checkpoints for Apple silicon (mlx-lm, 3-, 4-, 6- and 8-bit) pack each weight into exactly that
          many bits and add a 16-bit scale and a 16-bit bias per group of 64 weights, so a quantized matrix
          costs the nominal bits plus 0.5 (4.5 bits per weight at 4-bit). mlx-lm quantizes every linear layer
          and the embeddings whose width is a multiple of 64, keeps norms, biases and convolution kernels in
          16-bit, and keeps most mixture-of-experts routers at 8 bits. The KV cache grows in steps of 256
          tokens in the model&apos;s 16-bit type; sliding-window layers keep their window plus one prompt
          chunk.
        </p>
      </Section>

      <Section id="kv-cache" title="KV cache">
        <p>
          For grouped-query, multi-query and multi-head attention every layer stores a key and a value vector
          per KV head and token: 2 × KV heads × head dimension elements. Multi-head Latent Attention (DeepSeek
          V2/V3/R1, Kimi K2) caches one compressed latent of <code>kv_lora_rank</code> elements plus one
          shared rotary key of <code>qk_rope_head_dim</code> elements per token and layer, which is how vLLM
          and current llama.cpp store it — applying the grouped-query formula to these models overstates the
          cache several times.
        </p>
        <p>
          llama.cpp rounds the context up to a multiple of 256 cells. Layers with a sliding window (Gemma 2
          and 3, gpt-oss) or chunked attention (Llama 4) get their own cache of at most window + micro-batch
          cells, padded to 256 and capped at the context (<code>llama-kv-cache-iswa.cpp</code>); vLLM&apos;s
          hybrid cache manager likewise keeps only the window for those layers, in 16-token blocks. Cache
          types are priced with the same ggml block layouts (f16 2 bytes, q8_0 34 bytes per 32, q4_0 18 bytes
          per 32; fp8 one byte), and every parallel sequence has its own cells.
        </p>
      </Section>

      <Section id="recurrent-state" title="Recurrent state of hybrid models">
        <p>
          Hybrid models replace most attention layers with a recurrent mixer: Mamba2 (Nemotron-H, Granite 4.0
          H, Falcon-H1), Mamba (Jamba), Gated DeltaNet (Qwen3-Next, Qwen3.5 / 3.6) or a short convolution
          (LFM2). Such a layer keeps a fixed-size state per sequence instead of one key and value per token,
          so it costs the same at 1,000 tokens as at 256,000. Only the remaining attention layers have a KV
          cache, which is why a hybrid&apos;s requirements grow far more slowly with context than an
          attention-only model&apos;s of the same size.
        </p>
        <p>
          The state is counted the way llama.cpp allocates it (<code>llama-hparams.cpp</code>{" "}
          <code>n_embd_r</code> / <code>n_embd_s</code>, <code>llama-memory-recurrent.cpp</code>): per
          recurrent layer and sequence, a convolution state of (kernel − 1) × (inner size + 2 × groups × state
          size) values and an SSM / linear-attention state of state size × inner size values, both in 32-bit
          floats (LFM2 keeps only its hidden size × (kernel − 1) convolution values). vLLM keeps the same
          state in the model&apos;s 16-bit type, one slot per running sequence. Qwen3-Next-80B-A3B, for
          example, holds 75 MiB of state per sequence in its 36 DeltaNet layers, while its 12 attention layers
          add 24 KiB of KV cache per token.
        </p>
      </Section>

      <Section id="runtime" title="Compute buffers and overhead">
        <p>
          llama.cpp allocates one compute buffer per GPU that is reused across layers, so its size is the
          largest set of 32-bit intermediates alive at once for one micro-batch: the logits (vocabulary ×
          micro-batch), the feed-forward activations, or the attention rows. Without flash attention the
          attention scores and their softmax over the whole context are materialised too, so the buffer grows
          with context. The planner reserves the logits for every token of the micro-batch; llama-server
          builds from June 2026 on (llama.cpp pull request 23861) may reserve them for one row per slot only,
          so for those builds the logits part of the estimate is an upper bound.
        </p>
        <p>
          Each GPU also carries the CUDA context and library handles: {formatGib(CUDA_CONTEXT_BYTES)} per
          device (measured 120–550 MB depending on the GPU in llama.cpp&apos;s issue tracker; about 330 MiB
          under llama-server). For vLLM the estimator adds the activation peak of its profiling run (one batch
          of 2048 tokens through the widest layer plus the sampler&apos;s logits for 256 sequences) and the
          pool of captured CUDA graphs.
        </p>
      </Section>

      <Section id="placement" title="Placement and speed">
        <p>
          Splitting across several GPUs divides the layers (llama.cpp) or shards every layer (vLLM tensor
          parallelism); each device carries its own overhead and buffers. When a model does not fit, the
          estimator offloads whole layers, or for mixture-of-experts models only the expert tensors of some
          layers, to system RAM — the same split llama.cpp&apos;s <code>-ngl</code> and{" "}
          <code>--n-cpu-moe</code> make. The largest context that fits is found by a binary search over the
          full estimate.
        </p>
        <p>
          Decode speed is bounded by memory bandwidth: each generated token must read every weight it touches
          (for a mixture of experts, only the active experts) and the whole KV cache it attends to. Bandwidth
          divided by those bytes is an <strong>upper bound</strong>; real engines reach a fraction of it.
        </p>
      </Section>

      <Section id="fit" title="Does it run? The fit planner">
        <p>
          Every verdict on this site — the answer at the top of a model page, the smallest-hardware and
          longest-context tables, the FAQ, the GPU pages, the model list&apos;s &ldquo;fits in&rdquo; filter,
          the comparison, the calculator and the JSON data — comes from one planner with these rules:
        </p>
        <ul>
          <li>
            <strong>Usable memory.</strong> A graphics card counts with all of its memory; the engine&apos;s
            own overhead is part of the estimate. A Mac counts with what macOS lets the GPU use by default
            (Metal&apos;s recommended working set: two thirds of the RAM up to 36 GB, three quarters above),
            not its whole RAM; each Mac&apos;s page gives the <code>sysctl iogpu.wired_limit_mb</code> command
            that raises it. Strix Halo and DGX Spark count with their default GPU allocation in the same way.
          </li>
          <li>
            <strong>Three verdicts.</strong> It fits on the GPU(s); it fits with llama.cpp offload of whole
            layers (<code>-ngl</code>) or of mixture-of-experts experts (<code>--n-cpu-moe</code>) to system
            RAM; or it does not fit. Offload that would leave no layer on the GPU is CPU inference and does
            not count. Pages that show offload assume 64 GB of system RAM and give the speed bound with the
            offloaded part read at dual-channel DDR5 bandwidth (89.6 GB/s). With offload the answer starts at
            Q4_K_M: a higher-precision format through system RAM would only be slower.
          </li>
          <li>
            <strong>Token embeddings.</strong> llama.cpp keeps the input embedding table in system RAM, so it
            is part of the total but not of the GPU&apos;s share — why a model can run on a card smaller than
            its total.
          </li>
          <li>
            <strong>The model&apos;s context limit is not a memory limit.</strong> The longest context is the
            largest the memory allows, up to the model&apos;s own maximum; the answer says which of the two
            stopped it. Where a model card states more context than the config&apos;s{" "}
            <code>max_position_embeddings</code> (Qwen3: 40,960 native, 131,072 with YaRN), the extra needs
            RoPE scaling switched on; the calculator&apos;s command then carries the flags (llama.cpp{" "}
            <code>--rope-scaling yarn --rope-scale 4 --yarn-orig-ctx 32768</code>).
          </li>
          <li>
            <strong>A smallest useful context of 4K.</strong> A setup that holds less than 4,096 tokens of
            context is not counted as running the model; such cells say &ldquo;does not fit&rdquo; instead of
            offering a few dozen tokens. Memory-bound context answers are rounded down to a multiple of 256,
            as llama.cpp pads its context.
          </li>
          <li>
            <strong>Several cards.</strong> llama.cpp splits layers in proportion to each card&apos;s memory,
            so mixed cards work (the calculator writes the matching <code>--tensor-split</code>); vLLM shards
            every layer evenly, so its smallest card decides.
          </li>
        </ul>
      </Section>

      <Section id="measured-speed" title="Measured speed against the bound">
        <SpeedEvidence />
      </Section>

      <Section id="validation" title="Validation">
        <p>
          The estimator is checked against real data collected with its sources: official parameter counts,
          GGUF and MLX file sizes from model repositories and llama.cpp&apos;s own documentation, and KV-cache
          and recurrent-state sizes printed by llama.cpp. The unit tests assert each row against the tolerance
          below; this table is rendered from the same fixtures when the site is built. Compute buffers are
          checked against llama.cpp logs that print the model, the context, the micro-batch and the
          flash-attention setting; no vLLM log we found named its model and settings clearly enough to use, so
          that term is not yet validated.
        </p>
        <TableScroll label="Validation summary, scrollable" className="not-prose p-2">
          <Table
            density="compact"
            columns={SUMMARY_COLUMNS}
            caption="Estimate error per kind of ground truth"
            data-testid="validation-summary"
          >
            {summary.map((kind) => (
              <Tr density="compact" key={kind.kind}>
                <RowHeader density="compact" className="font-medium">
                  {KIND_LABELS[kind.kind] ?? kind.kind}
                </RowHeader>
                <Td density="compact" numeric>
                  {kind.checked}
                </Td>
                <Td density="compact" numeric>
                  {kind.passing}
                </Td>
                <Td density="compact" numeric>
                  {kind.medianAbsErrorPercent === null ? "—" : `${kind.medianAbsErrorPercent.toFixed(2)}%`}
                </Td>
                <Td density="compact" className="text-left">
                  {kind.worst
                    ? `${kind.worst.errorPercent.toFixed(2)}% (${kind.worst.model}, ${kind.worst.case})`
                    : "—"}
                </Td>
              </Tr>
            ))}
          </Table>
        </TableScroll>
        <h3>Tolerances</h3>
        <ul>
          <li>
            Parameters ±{TOLERANCES.parameters.percent}%: {TOLERANCES.parameters.why}
          </li>
          <li>
            GGUF ±{TOLERANCES.ggufDense.percent}% dense, ±{TOLERANCES.ggufMoe.percent}% mixture of experts:{" "}
            {TOLERANCES.ggufDense.why}
          </li>
          <li>
            MLX ±{TOLERANCES.mlx.percent}%: {TOLERANCES.mlx.why}
          </li>
          <li>
            KV cache ±{TOLERANCES.kvExact.percent}% against engine logs: {TOLERANCES.kvExact.why}
          </li>
          <li>
            Recurrent state ±{TOLERANCES.recurrent.percent}%: {TOLERANCES.recurrent.why}
          </li>
          <li>
            Compute buffers ±{TOLERANCES.compute.percent}%: {TOLERANCES.compute.why}
          </li>
        </ul>
        <h3>Every data point</h3>
        <ValidationTable rows={rows} />
        <p>
          Each data point links to where the real figure was published; the figures on each{" "}
          <Link href="/models">model page</Link> come from the same estimator.
        </p>
      </Section>
    </article>
  );
}
