// The 1200×630 share card drawn by next/og for app/opengraph-image.tsx and app/models/[slug]/opengraph-image.tsx.
// Fonts are read from assets/fonts at build time (no network). Layout only: the figures arrive as finished strings.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { OG_IMAGE_SIZE } from "@/lib/seo/index";
import { site } from "@/lib/site";

const FONT_DIR = path.join(process.cwd(), "assets", "fonts");

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]> | undefined;

function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, "DejaVuSans.ttf")).then((data) => ({
      name: "DejaVu Sans",
      data,
      weight: 400 as const,
      style: "normal" as const,
    })),
    readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")).then((data) => ({
      name: "DejaVu Sans",
      data,
      weight: 700 as const,
      style: "normal" as const,
    })),
  ]);
  return fonts;
}

export interface ShareCardFigure {
  label: string;
  value: string;
}

export interface ShareCardProps {
  eyebrow: string;
  title: string;
  /** The one figure the card is about, large. */
  headline: { value: string; caption: string };
  figures: ShareCardFigure[];
}

const COLORS = {
  background: "#0b0f19",
  panel: "#141a2a",
  border: "#27304a",
  brand: "#4338ca",
  accent: "#a5b4fc",
  text: "#f8fafc",
  muted: "#cbd5e1",
} as const;

function Logo() {
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 16 }}>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          width: 56,
          height: 56,
          borderRadius: 12,
          background: COLORS.brand,
        }}
      >
        <svg width="40" height="40" viewBox="0 0 32 32">
          <path d="M4 26V6h5l7 10 7-10h5v20h-5V15l-7 9-7-9v11z" fill="#ffffff" />
        </svg>
      </div>
      <div style={{ fontSize: 34, fontWeight: 700, color: COLORS.text }}>{site.name}</div>
    </div>
  );
}

export async function shareCardResponse(card: ShareCardProps): Promise<ImageResponse> {
  const titleSize = card.title.length > 24 ? 64 : 80;
  const figureSize = card.figures.length > 3 ? 32 : 36;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 64px",
        background: COLORS.background,
        color: COLORS.text,
        fontFamily: "DejaVu Sans",
      }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <Logo />
        <div style={{ fontSize: 26, color: COLORS.muted }}>{card.eyebrow}</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
        <div style={{ fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 }}>
          {card.title}
        </div>
        <div style={{ display: "flex", alignItems: "baseline", gap: 20 }}>
          <div style={{ fontSize: 72, fontWeight: 700, color: COLORS.accent }}>{card.headline.value}</div>
          <div style={{ fontSize: 30, color: COLORS.muted }}>{card.headline.caption}</div>
        </div>
      </div>
      <div style={{ display: "flex", gap: 20 }}>
        {card.figures.map((figure) => (
          <div
            key={figure.label}
            style={{
              display: "flex",
              flexDirection: "column",
              flexGrow: 1,
              flexBasis: 0,
              padding: "18px 24px",
              borderRadius: 16,
              background: COLORS.panel,
              border: `2px solid ${COLORS.border}`,
            }}
          >
            <div style={{ fontSize: 22, color: COLORS.muted, textTransform: "uppercase", letterSpacing: 1 }}>
              {figure.label}
            </div>
            <div style={{ fontSize: figureSize, fontWeight: 700, marginTop: 6 }}>{figure.value}</div>
          </div>
        ))}
      </div>
    </div>,
    { ...OG_IMAGE_SIZE, fonts: await loadFonts() },
  );
}
