import { getModel } from "@/lib/models";
import { modelFaq } from "@/lib/seo";
import { runAnswerMarkdown } from "@/lib/model-markdown";
for (const slug of ["qwen-3-8b", "gpt-oss-120b", "llama-3-3-70b", "gemma-2-27b", "deepseek-r1", "smollm2-135m"]) {
  const m = getModel(slug)!;
  console.log("=====", slug);
  console.log(runAnswerMarkdown(m));
  for (const f of modelFaq(m).slice(1)) console.log("Q:", f.question, "\nA:", f.answer);
}
