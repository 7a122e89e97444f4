// Types for chromium.mjs (plain JavaScript, so the bench runs in Node without a build).
export declare const CHROMIUM_PATH: string;
export declare const PLAYWRIGHT_DISABLED_FEATURES: readonly string[];
export declare const UNSEEN_FEATURES: readonly string[];
export declare function disableFeatures(...lists: ReadonlyArray<readonly string[]>): string;
export declare function chromiumArgs(launcherFeatures?: readonly string[]): string[];
export declare const CHROMIUM_ARGS: readonly string[];
