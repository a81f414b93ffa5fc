import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from schema.prisma.
// With no DATABASE_URL the embedded SQLite file under data/ is used.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/gibbs.db" },
});
