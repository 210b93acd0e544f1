// The workpaper's Verify button: checks the ES256 signature of the report embedded in this page, offline, with
// WebCrypto, over the RFC 8785 canonical form of the report without its "signatures" member, exactly as
// EvidenceCatalog.Runtime/Canonical does (docs/workpaper.md). Nothing is fetched; the page's content security policy
// allows no connection.
(function () {
  'use strict';

  var MAX_EXACT_INTEGER = BigInt('9007199254740992');
  var MAX_DEPTH = 256;

  function CanonicalError(message) {
    this.message = message;
  }

  function canonicalString(text) {
    return '"' + text.replace(/[\u0000-\u001f"\\]/g, function (c) {
      switch (c) {
        case '"': return '\\"';
        case '\\': return '\\\\';
        case '\b': return '\\b';
        case '\t': return '\\t';
        case '\n': return '\\n';
        case '\f': return '\\f';
        case '\r': return '\\r';
        default: return '\\u00' + (c.charCodeAt(0) < 16 ? '0' : '') + c.charCodeAt(0).toString(16);
      }
    }) + '"';
  }

  // The literal read exactly, in decimal, as an integer with |n| <= 2^53 ("1.0" and "1e2" qualify; "1.5", "1e300" and
  // "9007199254740993" do not), as EcmaScriptNumber.TryReadExactInteger reads it; null when it is not one.
  function exactInteger(literal) {
    var match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?)(\d+))?$/.exec(literal);
    var negative = match[1] === '-';
    var integerPart = match[2].replace(/^0+/, '');
    var fractionPart = (match[3] || '').replace(/0+$/, '');
    var exponent = 0;
    if (match[5] !== undefined) {
      exponent = match[5].length > 6 ? 100000 : Math.min(parseInt(match[5], 10), 100000);
      if (match[4] === '-') {
        exponent = -exponent;
      }
    }

    var scale = exponent - fractionPart.length;
    if (fractionPart === '') {
      var trimmed = integerPart.replace(/0+$/, '');
      scale += integerPart.length - trimmed.length;
      integerPart = trimmed;
    } else if (integerPart === '') {
      fractionPart = fractionPart.replace(/^0+/, '');
    }

    if (integerPart === '' && fractionPart === '') {
      return '0';
    }

    if (scale < 0 || integerPart.length + fractionPart.length + scale > 16) {
      return null;
    }

    var magnitude = BigInt(integerPart + fractionPart) * (BigInt(10) ** BigInt(scale));
    if (magnitude > MAX_EXACT_INTEGER) {
      return null;
    }

    return (negative ? '-' : '') + magnitude.toString();
  }

  // RFC 8785: members sorted by UTF-16 code units (JavaScript's own string order), minimal string escapes, numbers as
  // ECMAScript prints them. A repeated member name, a lone surrogate, invalid JSON, and (integersOnly) a number that is
  // not an integer within 2^53 are refused, as the C# canonicalizer refuses them.
  function canonicalize(text, options) {
    options = options || {};
    var position = 0;

    function fail(message) {
      throw new CanonicalError(message + ' (at character ' + position + ')');
    }

    function skipWhitespace() {
      while (position < text.length) {
        var c = text.charCodeAt(position);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
          return;
        }

        position++;
      }
    }

    function readString() {
      position++;
      var parts = [];
      var start = position;
      for (;;) {
        if (position >= text.length) {
          fail('a string is not closed');
        }

        var c = text.charCodeAt(position);
        if (c === 0x22) {
          parts.push(text.slice(start, position));
          position++;
          break;
        }

        if (c < 0x20) {
          fail('a string holds a raw control character');
        }

        if (c !== 0x5c) {
          position++;
          continue;
        }

        parts.push(text.slice(start, position));
        var escape = text[position + 1];
        var simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[escape];
        if (simple !== undefined) {
          parts.push(simple);
          position += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.substr(position + 2, 4))) {
          parts.push(String.fromCharCode(parseInt(text.substr(position + 2, 4), 16)));
          position += 6;
        } else {
          fail('a string holds an invalid escape');
        }

        start = position;
      }

      var value = parts.join('');
      for (var i = 0; i < value.length; i++) {
        var unit = value.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
          i++;
        } else if (unit >= 0xd800 && unit <= 0xdfff) {
          fail('a string holds half of a UTF-16 surrogate pair without its other half');
        }
      }

      return value;
    }

    function readNumber() {
      var pattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      pattern.lastIndex = position;
      var match = pattern.exec(text);
      if (match === null) {
        fail('invalid JSON');
      }

      position += match[0].length;
      if (options.integersOnly) {
        var integer = exactInteger(match[0]);
        if (integer === null) {
          fail('the number ' + match[0] + ' is not an integer between -2^53 and 2^53; signed data holds no floating-point numbers');
        }

        return integer === '-0' ? '0' : integer;
      }

      var number = Number(match[0]);
      if (!isFinite(number)) {
        fail('the number ' + match[0] + ' is too large for an IEEE 754 double');
      }

      return String(number);
    }

    function readValue(depth) {
      skipWhitespace();
      var c = text[position];
      if (c === '{' || c === '[') {
        if (depth >= MAX_DEPTH) {
          fail('the JSON is nested more than ' + MAX_DEPTH + ' levels deep');
        }

        return c === '{' ? readObject(depth) : readArray(depth);
      }

      if (c === '"') {
        return canonicalString(readString());
      }

      var words = ['true', 'false', 'null'];
      for (var i = 0; i < words.length; i++) {
        if (text.startsWith(words[i], position)) {
          position += words[i].length;
          return words[i];
        }
      }

      return readNumber();
    }

    function readArray(depth) {
      position++;
      var items = [];
      skipWhitespace();
      if (text[position] === ']') {
        position++;
        return '[]';
      }

      for (;;) {
        items.push(readValue(depth + 1));
        skipWhitespace();
        if (text[position] === ',') {
          position++;
        } else if (text[position] === ']') {
          position++;
          return '[' + items.join(',') + ']';
        } else {
          fail("expected ',' or ']'");
        }
      }
    }

    function readObject(depth) {
      position++;
      var members = [];
      skipWhitespace();
      if (text[position] === '}') {
        position++;
        return '{}';
      }

      for (;;) {
        skipWhitespace();
        if (text[position] !== '"') {
          fail('expected a member name');
        }

        var name = readString();
        skipWhitespace();
        if (text[position] !== ':') {
          fail("expected ':'");
        }

        position++;
        members.push([name, readValue(depth + 1)]);
        skipWhitespace();
        if (text[position] === ',') {
          position++;
        } else if (text[position] === '}') {
          position++;
          break;
        } else {
          fail("expected ',' or '}'");
        }
      }

      members.sort(function (a, b) { return a[0] < b[0] ? -1 : (a[0] > b[0] ? 1 : 0); });
      var written = [];
      for (var i = 0; i < members.length; i++) {
        if (i > 0 && members[i - 1][0] === members[i][0]) {
          fail('an object has two members named ' + canonicalString(members[i][0]) + " (a JSON object's member names must be unique)");
        }

        if (depth === 0 && members[i][0] === options.excludedMember) {
          continue;
        }

        written.push(canonicalString(members[i][0]) + ':' + members[i][1]);
      }

      return '{' + written.join(',') + '}';
    }

    if (text.charCodeAt(0) === 0xfeff) {
      position = 1;
    }

    var result = readValue(0);
    skipWhitespace();
    if (position !== text.length) {
      fail('more than one JSON value');
    }

    return result;
  }

  function base64Bytes(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }

    return bytes;
  }

  function base64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }

    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function signaturesOf(report) {
    var list = report.signatures;
    if (!Array.isArray(list)) {
      return null;
    }

    for (var i = 0; i < list.length; i++) {
      var entry = list[i];
      if (entry === null || typeof entry !== 'object' || typeof entry.algorithm !== 'string' || typeof entry.keyId !== 'string' || typeof entry.value !== 'string') {
        return null;
      }
    }

    return list;
  }

  function describe(list) {
    return list.map(function (entry) { return entry.algorithm + ' key ' + entry.keyId; }).join(', ');
  }

  // The verdict: { state: 'intact' | 'changed' | 'unchecked', message }.
  async function verify() {
    var text = document.getElementById('evidence-report').textContent;
    var canonical;
    try {
      canonical = canonicalize(text, { integersOnly: true, excludedMember: 'signatures' });
    } catch (error) {
      if (error instanceof CanonicalError) {
        return { state: 'changed', message: 'Changed: the report in this page cannot have been signed as it is: ' + error.message + '.' };
      }

      throw error;
    }

    var report = JSON.parse(text);
    if (report === null || typeof report !== 'object' || Array.isArray(report)) {
      return { state: 'changed', message: 'Changed: the data in this page is not a report (not a JSON object).' };
    }

    if (!('signatures' in report) || (Array.isArray(report.signatures) && report.signatures.length === 0)) {
      return { state: 'unchecked', message: 'Not signed: this report carries no signature, so there is nothing to check.' };
    }

    var signatures = signaturesOf(report);
    if (signatures === null) {
      return { state: 'changed', message: "Changed: the report's signatures member is malformed (each entry needs string members algorithm, keyId and value)." };
    }

    var es256 = signatures.filter(function (entry) { return entry.algorithm === 'ES256'; });
    if (es256.length === 0) {
      return {
        state: 'unchecked',
        message: 'Cannot check here: the report is signed only with ' + describe(signatures) + '. An HMAC-SHA256 signature can be checked only with '
          + "the organisation's shared secret, which a page must never hold; run evidence verify with the key (docs/verifying.md).",
      };
    }

    var keyElement = document.getElementById('evidence-public-key');
    if (keyElement === null) {
      return { state: 'unchecked', message: 'Cannot check here: the report is signed with ' + describe(es256) + ', but this page holds no public key to check it with.' };
    }

    if (!window.crypto || !window.crypto.subtle) {
      return { state: 'unchecked', message: 'Cannot check here: this browser offers no WebCrypto (crypto.subtle) to this page; open the file from disk in a current browser, or run evidence verify.' };
    }

    var jwk = JSON.parse(keyElement.textContent);
    var thumbprintInput = '{"crv":"P-256","kty":"EC","x":"' + jwk.x + '","y":"' + jwk.y + '"}';
    var keyId = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(thumbprintInput)));
    var chosen = es256.filter(function (entry) { return entry.keyId === keyId; })[0];
    if (chosen === undefined) {
      return { state: 'changed', message: 'Changed: the report is signed with ' + describe(es256) + ', but the public key in this page is ' + keyId + '.' };
    }

    var signature;
    try {
      signature = base64Bytes(chosen.value);
    } catch (error) {
      return { state: 'changed', message: 'Changed: the signature value is not base64.' };
    }

    if (signature.length !== 64) {
      return { state: 'changed', message: 'Changed: the ES256 signature is ' + signature.length + ' bytes; it must be 64 (r||s, IEEE P1363).' };
    }

    var key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    var intact = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, new TextEncoder().encode(canonical));
    return intact
      ? { state: 'intact', message: 'Intact: the ES256 signature of key ' + keyId + ' matches the report in this page, checked in this browser without any network. Compare the key id with the one the organisation gave you.' }
      : { state: 'changed', message: 'Changed: the report in this page does not match its ES256 signature (key ' + keyId + '): it was altered after signing.' };
  }

  window.evidenceWorkpaper = { canonicalize: canonicalize, verify: verify };

  var button = document.getElementById('verify-button');
  var output = document.getElementById('verify-result');
  button.addEventListener('click', function () {
    output.setAttribute('data-state', 'checking');
    output.textContent = 'Checking…';
    verify().then(function (verdict) {
      output.setAttribute('data-state', verdict.state);
      output.textContent = verdict.message;
    }, function (error) {
      output.setAttribute('data-state', 'unchecked');
      output.textContent = 'Cannot check here: ' + (error && error.message ? error.message : String(error));
    });
  });
})();
