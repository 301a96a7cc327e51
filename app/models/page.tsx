import type { Metadata } from "next";
import { ModelList } from "@/components/model/model-list";
import { getModels } from "@/lib/models";

export const metadata: Metadata = {
  title: "All open-weight models — VRAM and hardware requirements",
  description: "Every model in the modelfit catalog with its parameters, context length and memory needs.",
  alternates: { canonical: "/models" },
};

export default function ModelsIndexPage() {
  const models = getModels();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">All models</h1>
      <p className="text-slate-600 dark:text-slate-300">
        {models.length} open-weight models. Memory figures are for the {`Q4_K_M`} GGUF format with llama.cpp
        and an f16 KV cache.
      </p>
      <ModelList models={models} />
    </div>
  );
}
