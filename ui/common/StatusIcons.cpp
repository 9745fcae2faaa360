#include "common/StatusIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace ivui {

QIcon statusIcon(StatusIcon kind, const QPalette &palette)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF box(size * 0.15, size * 0.15, size * 0.7, size * 0.7);
        const QColor outline = palette.color(QPalette::WindowText);
        painter.setPen(QPen(outline, size / 16.0));
        switch (kind) {
        case StatusIcon::Idle: // hollow circle
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(box);
            break;
        case StatusIcon::Busy: // dotted circle
            painter.setPen(QPen(outline, size / 16.0, Qt::DotLine));
            painter.drawEllipse(box);
            break;
        case StatusIcon::Live: // filled green circle
            painter.setBrush(QColor(46, 160, 67));
            painter.drawEllipse(box);
            break;
        case StatusIcon::Stale: { // half-filled amber circle
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(box);
            QPainterPath half;
            half.moveTo(box.center());
            half.arcTo(box, 90, 180);
            half.closeSubpath();
            painter.fillPath(half, QColor(220, 150, 20));
            break;
        }
        case StatusIcon::Failed: { // red square with a cross
            painter.setBrush(QColor(210, 50, 50));
            painter.drawRect(box);
            painter.setPen(QPen(Qt::white, size / 10.0));
            const QRectF inner = box.adjusted(size * 0.15, size * 0.15, -size * 0.15, -size * 0.15);
            painter.drawLine(inner.topLeft(), inner.bottomRight());
            painter.drawLine(inner.topRight(), inner.bottomLeft());
            break;
        }
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace ivui
