import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-brand-600 dark:text-brand-100 text-sm font-semibold">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        The model or page you asked for is not in the catalog. It may have been renamed, or never existed.
      </p>
      <div className="mt-8 flex justify-center gap-4">
        <Link
          href="/models"
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 font-medium text-white"
        >
          Browse all models
        </Link>
        <Link
          href="/"
          className="rounded-md px-4 py-2 font-medium text-slate-700 hover:underline dark:text-slate-200"
        >
          Home
        </Link>
      </div>
    </div>
  );
}
