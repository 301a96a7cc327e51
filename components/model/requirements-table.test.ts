// The requirements table shows the KV cache once per context column (a tfoot row), not once per cell: that is only
// true while the KV cache and the recurrent state do not depend on the weight format. Checked on every catalog model.
import { describe, expect, it } from "vitest";
import { getModels } from "@/lib/content/models";
import { requirementsTable } from "@/lib/views/requirements";

describe("requirements table", () => {
  it.each(getModels().map((model) => [model.slug, model] as const))(
    "%s: every format has the same KV cache and recurrent state at each context",
    (_slug, model) => {
      const table = requirementsTable(model);
      table.contexts.forEach((contextTokens, column) => {
        const first = table.rows[0]?.cells[column];
        expect(first?.contextTokens).toBe(contextTokens);
        for (const row of table.rows) {
          const cell = row.cells[column];
          expect(cell?.kvCacheBytes, `${row.format} @ ${contextTokens}`).toBe(first?.kvCacheBytes);
          expect(cell?.recurrentStateBytes, `${row.format} @ ${contextTokens}`).toBe(
            first?.recurrentStateBytes,
          );
        }
      });
    },
  );
});
