/**
 * A case reference that may point at a person: two or more capitalized words of letters only
 * ("Kari.Nordmann", "KariNordmann"), or a date of birth ("010515", "01.05.2015"). Staff are
 * warned and must confirm; a national ID number is refused outright (`NewLinkInput`).
 */
const NAME = /^\p{Lu}\p{Ll}+(?:[._/-]?\p{Lu}\p{Ll}+)+$/u;
const DATE = /^(\d{2})[._/-]?(\d{2})[._/-]?(\d{2}|\d{4})$/;

export function looksPersonal(reference: string): boolean {
  if (NAME.test(reference)) return true;
  const date = DATE.exec(reference);
  return !!date && Number(date[1]) >= 1 && Number(date[1]) <= 31 && Number(date[2]) >= 1 && Number(date[2]) <= 12;
}
