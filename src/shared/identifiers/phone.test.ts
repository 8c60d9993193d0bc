import { describe, expect, it } from 'vitest';
import { formatPhoneNational, normalisePhone, phoneHref } from './phone.ts';

function stored(raw: string, country: string | null): string | undefined {
  const result = normalisePhone(raw, country);
  return result.ok ? result.value : undefined;
}

function reason(raw: string, country: string | null): string | undefined {
  const result = normalisePhone(raw, country);
  return result.ok ? undefined : result.reason;
}

describe('normalisePhone', () => {
  it('reads national numbers in the default country', () => {
    expect(stored('601 234 567', 'PL')).toBe('+48601234567');
    expect(stored('601-234-567', 'pl')).toBe('+48601234567');
    expect(stored('06 30 123 4567', 'HU')).toBe('+36301234567');
    expect(stored('06 1 234 5678', 'HU')).toBe('+3612345678');
    expect(stored('030 901820', 'DE')).toBe('+4930901820');
    expect(stored('(202) 456-1111', 'US')).toBe('+12024561111');
    expect(stored('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('keeps an explicit country code whatever the default', () => {
    expect(stored('+44 20 7946 0958', null)).toBe('+442079460958');
    expect(stored('+44 20 7946 0958', 'PL')).toBe('+442079460958');
    expect(stored('+36 30 123 4567', 'PL')).toBe('+36301234567');
    expect(stored('+1 202 456 1111', null)).toBe('+12024561111');
  });

  it('reads a 00 international prefix', () => {
    expect(stored('0044 20 7946 0958', null)).toBe('+442079460958');
    expect(stored('0048 601 234 567', 'PL')).toBe('+48601234567');
  });

  it('keeps an extension as ;ext= (RFC 3966), including Polish and Hungarian words for it', () => {
    expect(stored('+48 22 123 45 67 ext. 12', null)).toBe('+48221234567;ext=12');
    expect(stored('22 123 45 67 wew. 12', 'PL')).toBe('+48221234567;ext=12');
    expect(stored('06 1 234 5678 mellék 204', 'HU')).toBe('+3612345678;ext=204');
  });

  it('needs a country code when there is no default country', () => {
    expect(reason('601 234 567', null)).toBe('Phone number needs a country code, e.g. +48');
    expect(reason('601 234 567', '')).toBe('Phone number needs a country code, e.g. +48');
  });

  it('rejects invalid numbers with a reason', () => {
    expect(reason('12', 'PL')).toBe('Phone number is too short');
    expect(reason('+48 601 234 567 890', null)).toBe('Phone number is too long');
    expect(reason('+1 555 555 0123', null)).toBe('Phone number is not valid');
    expect(reason('+999 123 456', null)).toBe('Not a phone number');
    expect(reason('abc', 'PL')).toBe('Not a phone number');
    expect(reason('', 'PL')).toBe('Phone number is empty');
    expect(reason('601 234 567', 'XX')).toBe("Unknown country 'XX'");
  });

  it('does not pick a number out of other text', () => {
    expect(reason('call me on 601234567', 'PL')).toBe('Not a phone number');
  });

  it('never throws', () => {
    for (const raw of ['+', '++48', '\u0000', '🙂', 'ext. 12', '9'.repeat(5000), ';ext=1']) {
      expect(normalisePhone(raw, 'PL').ok).toBe(false);
    }
  });
});

describe('formatPhoneNational', () => {
  it('shows the national format to a viewer in the same country or without one', () => {
    expect(formatPhoneNational('+48601234567', 'PL')).toBe('601 234 567');
    expect(formatPhoneNational('+48601234567')).toBe('601 234 567');
    expect(formatPhoneNational('+36301234567', 'HU')).toBe('06 30 123 4567');
    expect(formatPhoneNational('+12024561111', 'US')).toBe('(202) 456-1111');
  });

  it('shows the international format to a viewer elsewhere', () => {
    expect(formatPhoneNational('+48601234567', 'HU')).toBe('+48 601 234 567');
    expect(formatPhoneNational('+36301234567', 'PL')).toBe('+36 30 123 4567');
    expect(formatPhoneNational('+442079460958', 'PL')).toBe('+44 20 7946 0958');
  });

  it('shows the extension', () => {
    expect(formatPhoneNational('+48221234567;ext=12', 'PL')).toBe('22 123 45 67 ext. 12');
  });

  it('returns a value it cannot parse unchanged', () => {
    expect(formatPhoneNational('not a number', 'PL')).toBe('not a number');
  });
});

describe('phoneHref', () => {
  it('builds a tel: URI', () => {
    expect(phoneHref('+48601234567')).toBe('tel:+48601234567');
    expect(phoneHref('+48221234567;ext=12')).toBe('tel:+48221234567;ext=12');
  });

  it('keeps nothing but digits, so a bad stored value cannot inject into an href', () => {
    expect(phoneHref('+48 601"><script>234567')).toBe('tel:+48601234567');
    expect(phoneHref('javascript:alert(1)')).toBe('tel:+1');
    expect(phoneHref('garbage')).toBe('');
  });
});
