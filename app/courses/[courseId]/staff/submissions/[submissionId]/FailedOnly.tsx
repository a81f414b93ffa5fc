"use client";
// "Failed only": one click hides the passed cases (they are collapsed anyway; failed ones are open).

import { useState } from "react";
import styles from "../../staff.module.css";

export function FailedOnly({ children, label }: { children: React.ReactNode; label: string }) {
  const [on, setOn] = useState(false);
  return (
    <div className={on ? styles.failedOnly : undefined}>
      <button type="button" className="button" aria-pressed={on} onClick={() => setOn(!on)} data-testid="failed-only">
        {label}
      </button>
      {children}
    </div>
  );
}
