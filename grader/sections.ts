/** The sections of lecture 10, in order, with their titles in both languages (DOMAIN.md). */

export const SECTIONS = [
  { id: "10.1", titleEn: "Hopfield networks", titleZh: "Hopfield 神经网络" },
  { id: "10.2", titleEn: "Boltzmann machines", titleZh: "玻尔兹曼机" },
  { id: "10.3", titleEn: "Restricted Boltzmann machines", titleZh: "受限玻尔兹曼机" },
  { id: "10.4", titleEn: "Deep Boltzmann machines", titleZh: "深度玻尔兹曼机" },
  { id: "10.5", titleEn: "Deep belief networks", titleZh: "深度信念网络" },
  { id: "10.6", titleEn: "Autoencoders", titleZh: "自编码器" },
  { id: "10.7", titleEn: "Autoencoder variants and pretraining", titleZh: "自编码器变种、预训练" },
] as const;

export type Section = (typeof SECTIONS)[number]["id"];

export const SECTION_IDS: readonly Section[] = SECTIONS.map((s) => s.id);
