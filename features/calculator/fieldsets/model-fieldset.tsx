// Which model: a search over the catalog, the model list, and a pasted or uploaded config.json.
import { useMemo, useState } from "react";
import type { ChangeEvent } from "react";
import { Field, FieldHint, inputClass, SelectField } from "@/components/ui/field";
import { ConfigLinkNotice } from "@/features/calculator/config-link-notice";
import { CUSTOM, readCustomConfig } from "@/features/calculator/state";
import type { CalculatorState } from "@/features/calculator/state";
import { formatInteger, formatTokens } from "@/lib/format";
import { matchesSearch } from "@/lib/model-search";
import type { CalculatorModelOption } from "../results";
import type { UpdateState } from "../use-calculator-state";

/** The largest file read as a config.json; a real one is a few kilobytes. */
const MAX_UPLOAD_BYTES = 1024 * 1024;

export interface ModelFieldsetProps {
  /** false: the list holds the chosen model only (the calculator fills it after first paint). */
  fullList: boolean;
  models: CalculatorModelOption[];
  state: CalculatorState;
  update: UpdateState;
  configDraft: string;
  setConfigDraft: (text: string) => void;
  customConfig: string | null;
  setCustomConfig: (config: string) => void;
}

function customModelName(config: string): string {
  const custom = readCustomConfig(config);
  return custom.ok
    ? `Custom ${custom.architecture.modelType} model (your config.json)`
    : "Custom config.json";
}

export function ModelFieldset(props: ModelFieldsetProps) {
  const { models, state, update, configDraft, setConfigDraft, customConfig } = props;
  const [filter, setFilter] = useState("");
  const [configMessage, setConfigMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const shownModels = models.filter(
    (m) => m.slug === state.model || matchesSearch(`${m.name} ${m.huggingFaceId} ${m.slug}`, filter),
  );
  const customArchName = useMemo(
    () => (customConfig === null ? "" : customModelName(customConfig)),
    [customConfig],
  );

  function applyConfig(text: string) {
    const result = readCustomConfig(text);
    if (!result.ok) {
      setConfigMessage({ ok: false, text: result.message });
      return;
    }
    setConfigMessage({
      ok: true,
      text: `Using your ${result.architecture.modelType} config: ${formatInteger(result.architecture.numLayers)} layers, up to ${formatTokens(result.architecture.maxPositionEmbeddings)} tokens.`,
    });
    props.setCustomConfig(result.config);
    update({ model: CUSTOM, config: result.config });
  }

  async function onUpload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setConfigMessage({
        ok: false,
        text: `${file.name} is ${formatInteger(file.size)} bytes; a config.json is a few kilobytes.`,
      });
      return;
    }
    const text = await file.text();
    setConfigDraft(text);
    applyConfig(text);
  }

  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-lg font-semibold">Model</legend>
      <Field id="calc-model-search" label="Search models">
        <input
          id="calc-model-search"
          type="search"
          className={inputClass}
          value={filter}
          placeholder="Name or Hugging Face id"
          aria-controls="calc-model"
          aria-describedby="calc-model-count"
          onChange={(event) => setFilter(event.target.value)}
        />
        <FieldHint id="calc-model-count">
          {props.fullList
            ? `${shownModels.length} of ${models.length} models in the list below.`
            : `${models.length} models; the list below fills in as soon as you use the form.`}
        </FieldHint>
      </Field>
      <SelectField
        id="calc-model"
        label="Model"
        value={state.model}
        onChange={(model) => update({ model, config: model === CUSTOM ? customConfig : null })}
      >
        {customConfig !== null ? <option value={CUSTOM}>{customArchName}</option> : null}
        {(props.fullList ? shownModels : shownModels.filter((m) => m.slug === state.model)).map((m) => (
          <option key={m.slug} value={m.slug}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <Field id="calc-config" label="Or paste a Hugging Face config.json">
        <textarea
          id="calc-config"
          className={`${inputClass} h-28 font-mono text-xs`}
          value={configDraft}
          spellCheck={false}
          placeholder='{ "model_type": "llama", "hidden_size": 4096, … }'
          aria-describedby="calc-config-message"
          aria-invalid={configMessage !== null && !configMessage.ok}
          onChange={(event) => setConfigDraft(event.target.value)}
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button
            type="button"
            className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-medium text-white"
            onClick={() => applyConfig(configDraft)}
          >
            Use this config.json
          </button>
          <label className="text-sm">
            <span className="sr-only">Upload a config.json file</span>
            <input
              type="file"
              accept="application/json,.json"
              className="max-w-full text-sm"
              onChange={onUpload}
            />
          </label>
        </div>
        <p
          id="calc-config-message"
          data-testid="config-message"
          role="status"
          className={`mt-2 min-h-10 text-sm ${configMessage?.ok === false ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
        >
          {configMessage?.text ?? ""}
        </p>
        <ConfigLinkNotice state={state} />
      </Field>
    </fieldset>
  );
}
