import type { Metadata } from "next";

export const metadata: Metadata = {
  title: "VRAM calculator for open-weight LLMs",
  description:
    "Memory, GPU fit and a launch command for any open-weight model, format, context length and GPU.",
  alternates: { canonical: "/calculator" },
};

export default function CalculatorPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Calculator</h1>
      <p>The interactive calculator is being built.</p>
    </div>
  );
}
