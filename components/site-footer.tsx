import Link from "next/link";
import { site } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="border-line-subtle text-muted border-t text-sm">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          {site.name}: every spec from the model&apos;s own config.json or model card, every memory figure
          from one validated estimator.
        </p>
        <nav aria-label="Footer" className="flex flex-wrap gap-4">
          <Link href="/methodology" className="hover:underline" prefetch={false}>
            Methodology
          </Link>
          <Link href="/data" className="hover:underline" prefetch={false}>
            Open data
          </Link>
          <Link href="/llms.txt" className="hover:underline" prefetch={false}>
            llms.txt
          </Link>
        </nav>
      </div>
    </footer>
  );
}
