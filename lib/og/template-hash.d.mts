export function cardTemplateHash(root: string): string;
