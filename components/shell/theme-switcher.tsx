"use client";

import { useTheme } from "next-themes";
import { useEffect, useState } from "react";

const THEMES = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
] as const;

/** Light, dark or follow the operating system; remembered in the browser. */
export function ThemeSwitcher() {
  const { theme, setTheme } = useTheme();
  const [mounted, setMounted] = useState(false);
  // The stored theme is only known in the browser; render neutral on the server.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time hydration flag
  useEffect(() => setMounted(true), []);
  return (
    <fieldset className="flex gap-1 text-xs">
      <legend className="sr-only">Theme</legend>
      {THEMES.map((option) => (
        <label
          key={option.value}
          className="cursor-pointer rounded px-2 py-1 text-zinc-600 has-checked:bg-zinc-200 has-checked:text-zinc-900 dark:text-zinc-400 dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-50"
        >
          <input
            type="radio"
            name="theme"
            value={option.value}
            checked={mounted && theme === option.value}
            onChange={() => setTheme(option.value)}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
