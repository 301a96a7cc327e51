// The site's data tables: a scroll wrapper that shows when more columns lie off-screen (the `table-scroll` utility's
// edge shadows), a header row from a column list, body rows, row headers and numeric cells. No state or effects:
// they render on the server, or inside a client island. Two densities: "roomy" for the catalog's tables,
// "compact" for reference tables inside prose.
import type { ComponentProps, ReactNode } from "react";

export type TableDensity = "roomy" | "compact";
type Align = "left" | "right";

const PADDING: Record<TableDensity, string> = { roomy: "px-3 py-2", compact: "py-1 pr-4 last:pr-0" };
const ROW: Record<TableDensity, string> = {
  roomy: "border-t border-line-subtle",
  compact: "border-b border-line-subtle",
};
const ALIGN: Record<Align, string> = { left: "text-left", right: "text-right" };

function classes(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

export interface TableColumn {
  label: ReactNode;
  /** Numbers are right-aligned, words left-aligned (the default). */
  align?: Align;
  /** Extra classes, e.g. a width or `sticky-col bg-surface-muted` for a first column that stays in view. */
  className?: string;
}

/**
 * The horizontal scroll wrapper. With a `label` it is a focusable, named region, so keyboard users can scroll it.
 */
export function TableScroll({
  label,
  className,
  children,
}: {
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={classes("table-scroll", className)}
      tabIndex={label ? 0 : undefined}
      role={label ? "region" : undefined}
      aria-label={label}
    >
      {children}
    </div>
  );
}

/** A table with its header row (from `columns`, or `header` cells when they need attributes); the body is `children`. */
export function Table({
  columns = [],
  header,
  density = "roomy",
  caption,
  captionVisible = false,
  className,
  children,
  ...rest
}: {
  columns?: readonly TableColumn[];
  /** Header cells (`Th`) written out, instead of `columns`. */
  header?: ReactNode;
  density?: TableDensity;
  caption?: ReactNode;
  /** Show the caption as the table's title; otherwise it is for screen readers only. */
  captionVisible?: boolean;
  className?: string;
  children: ReactNode;
} & Omit<ComponentProps<"table">, "className" | "children">) {
  const roomy = density === "roomy";
  return (
    <table className={classes("w-full text-sm", roomy && "border-collapse", className)} {...rest}>
      {caption ? (
        <caption className={captionVisible ? "px-3 py-2 text-left text-sm font-semibold" : "sr-only"}>
          {caption}
        </caption>
      ) : null}
      <thead className={roomy ? "bg-surface-muted" : undefined}>
        <tr className={roomy ? undefined : "border-line border-b"}>
          {header ??
            columns.map((column, index) => (
              <Th key={index} density={density} align={column.align} className={column.className}>
                {column.label}
              </Th>
            ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A column header cell. */
export function Th({
  density = "roomy",
  align = "left",
  className,
  ...rest
}: { density?: TableDensity; align?: Align } & ComponentProps<"th">) {
  return <th scope="col" className={classes(className, PADDING[density], ALIGN[align])} {...rest} />;
}

/** A body row, with the density's rule between rows; data attributes pass through. */
export function Tr({
  density = "roomy",
  className,
  ...rest
}: { density?: TableDensity } & ComponentProps<"tr">) {
  return <tr className={classes(ROW[density], className)} {...rest} />;
}

/** The row's first cell, naming it (`sticky` keeps it in view while the table scrolls sideways). */
export function RowHeader({
  density = "roomy",
  sticky = false,
  className,
  ...rest
}: { density?: TableDensity; sticky?: boolean } & ComponentProps<"th">) {
  return (
    <th
      scope="row"
      className={classes(sticky && "sticky-col bg-surface", PADDING[density], "text-left", className)}
      {...rest}
    />
  );
}

/** A body cell; `numeric` right-aligns it with tabular figures. */
export function Td({
  density = "roomy",
  numeric = false,
  className,
  ...rest
}: { density?: TableDensity; numeric?: boolean } & ComponentProps<"td">) {
  return (
    <td className={classes(PADDING[density], numeric && "text-right tabular-nums", className)} {...rest} />
  );
}
