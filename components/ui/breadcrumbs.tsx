import Link from "next/link";
import { BreadcrumbJsonLd } from "next-seo";
import type { BreadcrumbStep } from "@/lib/seo/index";
import { breadcrumbJsonLd } from "@/lib/seo/index";

/** The visible breadcrumb trail and its BreadcrumbList JSON-LD, from one list of steps. */
export function Breadcrumbs({ steps }: { steps: readonly BreadcrumbStep[] }) {
  return (
    <>
      <BreadcrumbJsonLd {...breadcrumbJsonLd(steps)} scriptId="breadcrumb-jsonld" />
      <nav aria-label="Breadcrumb" className="text-muted text-sm">
        <ol className="flex flex-wrap gap-2">
          {steps.map((step) =>
            step.path === undefined ? (
              <li key={step.name} aria-current="page">
                {step.name}
              </li>
            ) : (
              <li key={step.name}>
                <Link href={step.path} className="hover:underline">
                  {step.name}
                </Link>{" "}
                /
              </li>
            ),
          )}
        </ol>
      </nav>
    </>
  );
}
