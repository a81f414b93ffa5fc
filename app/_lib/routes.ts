/** Where the course list sends each role. The student and staff areas own the pages behind these paths. */

import type { Role } from "./access";

export function courseHref(courseId: string, role: Role): string {
  return role === "student"
    ? `/courses/${encodeURIComponent(courseId)}`
    : `/courses/${encodeURIComponent(courseId)}/staff`;
}
