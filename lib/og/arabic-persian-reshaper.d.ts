declare module 'arabic-persian-reshaper' {
  interface Shaper {
    convertArabic(text: string): string;
  }
  const reshaper: { ArabicShaper: Shaper; PersianShaper: Shaper };
  export default reshaper;
}
