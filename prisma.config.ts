import { defineConfig } from "prisma/config";
import { databaseUrl } from "./prisma/url";

// Prisma 7 reads the connection from here, not from schema.prisma.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: databaseUrl() },
});
