import Link from "next/link";
import { site } from "@/lib/site";

const NAV = [
  { href: "/models", label: "Models" },
  { href: "/gpus", label: "GPUs" },
  { href: "/calculator", label: "Calculator" },
  { href: "/compare", label: "Compare" },
  { href: "/methodology", label: "Methodology" },
] as const;

export function SiteHeader() {
  return (
    <header className="border-line-subtle border-b bg-white/90 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-6 w-6">
            <rect width="32" height="32" rx="7" className="fill-brand-600" />
            <path d="M8 22V10h3l5 7 5-7h3v12h-3v-7l-5 6.5-5-6.5v7z" fill="white" />
          </svg>
          {site.name}
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {NAV.map((item) => (
            // No prefetch: on every page these links would fetch five other pages' payloads while the page itself
            // is still loading (measured with Lighthouse, see npm run bench); a click still navigates client-side.
            <Link
              key={item.href}
              href={item.href}
              prefetch={false}
              className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
            >
              {item.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
