import type { CatalogModel } from "@/lib/content/catalog";
import { formatInteger, formatParameters, formatTokens } from "@/lib/format";
import { specSheetRows } from "@/lib/views/spec-sheet";

/** The architecture as published in config.json, with the field each figure comes from. */
export function SpecSheet({ model }: { model: CatalogModel }) {
  const rows = specSheetRows(model);
  const configSource = model.sources.find((source) => /config\.json/i.test(source.label + source.url));
  return (
    <div className="not-prose">
      {/* Rows and cells are styled by the table's class (app/globals.css): the HTML and the RSC payload both carry
          each attribute, so classes repeated on every row would cost twice. */}
      <table className="spec-sheet" data-testid="spec-sheet">
        <caption className="sr-only">{`Technical specifications of ${model.name}`}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} data-spec={row.key}>
              <th scope="row">{row.label}</th>
              <td>
                <span data-value>{row.value}</span>
                {row.fields.length > 0 && <span>{row.fields.join(", ")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-muted mt-2 text-xs">
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
