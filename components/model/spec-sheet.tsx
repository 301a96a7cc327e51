import type { CatalogModel } from "@/lib/content/catalog";
import { formatInteger, formatParameters, formatTokens } from "@/lib/format";
import { specSheetRows } from "@/lib/views/spec-sheet";

/** The architecture as published in config.json, with the field each figure comes from. */
export function SpecSheet({ model }: { model: CatalogModel }) {
  const rows = specSheetRows(model);
  const configSource = model.sources.find((source) => /config\.json/i.test(source.label + source.url));
  return (
    <div className="not-prose">
      <table className="w-full border-collapse text-sm" data-testid="spec-sheet">
        <caption className="sr-only">Technical specifications of {model.name}</caption>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.label}
              className="border-b border-slate-200 dark:border-slate-800"
              data-spec={row.key}
            >
              <th
                scope="row"
                className="w-2/5 py-2 pr-4 text-left align-top font-medium text-slate-600 dark:text-slate-400"
              >
                {row.label}
              </th>
              <td className="py-2 align-top">
                <span data-value>{row.value}</span>
                {row.fields.length > 0 && (
                  <span className="ml-2 font-mono text-xs text-slate-600 dark:text-slate-400">
                    {row.fields.join(", ")}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Field names are the keys of the model&apos;s{" "}
        {configSource ? (
          <a href={configSource.url} className="underline">
            config.json
          </a>
        ) : (
          "config.json"
        )}
        . Parameter counts: {formatParameters(model.statedParameters.total)} as stated by the model card;{" "}
        {formatInteger(model.parameters.total)} counted from the tensor shapes above. Context:{" "}
        {formatTokens(model.contextLength)} per the model card.
      </p>
    </div>
  );
}
