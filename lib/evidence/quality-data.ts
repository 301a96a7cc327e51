// The quality-per-format table (content/evidence/quality.json), validated at load. Small enough for the client.
import rawQuality from "../../content/evidence/quality.json";
import { parseQuality, type QualityTable } from "@/lib/evidence/parse";

export const QUALITY: QualityTable = parseQuality(rawQuality);
