/** The score that counts for an exercise (as on the dashboard), with a staff override's reason when there is one. */

import { useTranslations } from "next-intl";
import type { CountedScore as Counted } from "@/app/_lib/student/dashboard";
import { formatScore } from "./ValueView";

export function CountedScore({ counted }: { counted: Counted }) {
  const t = useTranslations("student.results");
  return (
    <span data-testid="counted-score">
      {t("counted", { score: formatScore(counted.score), points: formatScore(counted.points) })}
      {counted.overrideReason !== null ? ` (${t("overridden", { reason: counted.overrideReason })})` : null}
    </span>
  );
}
