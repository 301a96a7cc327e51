export function isLocalOrigin(url: string): boolean;
export function checkBuildOrigin(env: Record<string, string | undefined>): {
  origin: string;
  error?: string;
  warning?: string;
};
