import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text`, for a class to scan off the projector. */
export function QrCode({ text, size = 240 }: { text: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img className="qr" src={src} width={size} height={size} alt={`QR code of ${text}`} /> : <div className="qr" style={{ width: size, height: size }} />;
}
