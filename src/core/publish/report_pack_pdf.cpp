// qpdf: use std::shared_ptr throughout (no PointerHolder).
#define POINTERHOLDER_TRANSITION 4
#include "core/publish/report_pack_pdf.hpp"

#include "core/model/diagnostics.hpp"

#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <set>

namespace genochron {

namespace {

std::unique_ptr<QPDF> openAnnex(const std::string& path) {
    auto q = std::make_unique<QPDF>();
    q->setSuppressWarnings(true);
    try {
        q->processFile(path.c_str());
    } catch (const std::exception& e) {
        std::string why = e.what();
        if (why.find("password") != std::string::npos)
            throw GenochronError("the annex is protected by a password; save an unprotected copy and annex that", path);
        throw GenochronError(fmt::format("the annex cannot be read as a PDF: {}", why), path);
    }
    return q;
}

// The page's visible box: CropBox (else MediaBox) with /Rotate applied.
std::pair<double, double> shownSize(QPDFPageObjectHelper& page) {
    QPDFObjectHandle::Rectangle r = page.getCropBox(false).getArrayAsRectangle();
    double w = std::abs(r.urx - r.llx), h = std::abs(r.ury - r.lly);
    QPDFObjectHandle rot = page.getAttribute("/Rotate", false);
    long long deg = rot.isInteger() ? rot.getIntValue() : 0;
    if (((deg % 360) + 360) % 180 == 90) std::swap(w, h);
    return {w, h};
}

// Figure elements of the structure tree in document order.
void figures(QPDFObjectHandle node, std::vector<QPDFObjectHandle>& out, std::set<QPDFObjGen>& seen, int depth) {
    if (depth > 200) return;
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) figures(node.getArrayItem(i), out, seen, depth + 1);
        return;
    }
    if (!node.isDictionary()) return;
    if (node.isIndirect() && !seen.insert(node.getObjGen()).second) return;
    QPDFObjectHandle s = node.getKey("/S");
    if (s.isName() && s.getName() == "/Figure") out.push_back(node);
    figures(node.getKey("/K"), out, seen, depth + 1);
}

}  // namespace

void readAnnex(PackAnnex& annex) {
    auto q = openAnnex(annex.path);
    annex.pageSizes.clear();
    try {
        for (auto& page : QPDFPageDocumentHelper(*q).getAllPages()) annex.pageSizes.push_back(shownSize(page));
        if (annex.title.empty()) {
            QPDFObjectHandle info = q->getTrailer().getKey("/Info");
            if (info.isDictionary() && info.getKey("/Title").isString()) annex.title = info.getKey("/Title").getUTF8Value();
        }
    } catch (const std::exception& e) {
        throw GenochronError(fmt::format("the annex cannot be read as a PDF: {}", e.what()), annex.path);
    }
    if (annex.pageSizes.empty()) throw GenochronError("the annex has no pages", annex.path);
}

std::string finishPackPdf(const std::string& cairoPdf, const Pack& pack, const std::vector<PackAnnex>& annexes) {
    QPDF out;
    out.setSuppressWarnings(true);
    out.processMemoryFile("report pack", cairoPdf.data(), cairoPdf.size());
    std::vector<std::unique_ptr<QPDF>> src;
    for (auto& a : annexes) src.push_back(openAnnex(a.path));
    try {
        auto pages = QPDFPageDocumentHelper(out).getAllPages();
        std::vector<std::vector<QPDFPageObjectHelper>> srcPages;
        for (auto& q : src) srcPages.push_back(QPDFPageDocumentHelper(*q).getAllPages());
        for (auto& pl : pack.annexPages) {
            if (pl.annex >= src.size() || std::size_t(pl.packPage) >= pages.size() ||
                std::size_t(pl.annexPage) >= srcPages[pl.annex].size())
                throw GenochronError("the annex changed while the pack was made; make the pack again",
                                     pl.annex < annexes.size() ? annexes[pl.annex].path : std::string());
            QPDFObjectHandle fo = out.copyForeignObject(srcPages[pl.annex][std::size_t(pl.annexPage)].getFormXObjectForPage());
            QPDFPageObjectHelper& dst = pages[std::size_t(pl.packPage)];
            QPDFObjectHandle res = dst.getAttribute("/Resources", true);
            if (!res.isDictionary()) {
                res = QPDFObjectHandle::newDictionary();
                dst.getObjectHandle().replaceKey("/Resources", res);
            }
            if (!res.getKey("/XObject").isDictionary()) res.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
            int suffix = 0;
            const std::string name = res.getUniqueResourceName("/GcAnnex", suffix);
            res.getKey("/XObject").replaceKey(name, fo);
            const double H = dst.getMediaBox(false).getArrayAsRectangle().ury;
            QPDFObjectHandle::Rectangle r(pl.box.x, H - pl.box.bottom(), pl.box.right(), H - pl.box.y);
            std::string content = dst.placeFormXObject(fo, name, r, true, true, true);
            // Cairo's page stream leaves its own transformation (y down) in force: wrap it in q/Q so
            // the annex is placed in the page's default coordinates, right way up.
            dst.addPageContents(QPDFObjectHandle::newStream(&out, "q\n"), true);
            dst.addPageContents(QPDFObjectHandle::newStream(&out, "Q\nq\n" + content + "\nQ\n"), false);
        }
        // The document: its language, its title in the viewer's title bar, tagged.
        QPDFObjectHandle root = out.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(pack.language));
        QPDFObjectHandle vp = QPDFObjectHandle::newDictionary();
        vp.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        root.replaceKey("/ViewerPreferences", vp);
        if (!pack.title.empty()) {
            QPDFObjectHandle info = out.getTrailer().getKey("/Info");
            if (!info.isDictionary()) {
                info = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
                out.getTrailer().replaceKey("/Info", info);
            }
            info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(pack.title));
        }
        QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
        if (tree.isDictionary()) {
            QPDFObjectHandle mark = QPDFObjectHandle::newDictionary();
            mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
            root.replaceKey("/MarkInfo", mark);
            // One Document element at the root, as PDF/UA and readers expect (Cairo puts each page's
            // outer elements there side by side).
            QPDFObjectHandle k = tree.getKey("/K");
            if (!k.isArray()) k = QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{k});
            QPDFObjectHandle docElem = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
            docElem.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
            docElem.replaceKey("/S", QPDFObjectHandle::newName("/Document"));
            docElem.replaceKey("/P", tree);
            docElem.replaceKey("/K", k);
            for (int i = 0; i < k.getArrayNItems(); ++i)
                if (k.getArrayItem(i).isDictionary()) k.getArrayItem(i).replaceKey("/P", docElem);
            tree.replaceKey("/K", docElem);
            std::vector<QPDFObjectHandle> figs;
            std::set<QPDFObjGen> seen;
            figures(tree.getKey("/K"), figs, seen, 0);
            for (std::size_t i = 0; i < figs.size() && i < pack.figureAlt.size(); ++i)
                figs[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(pack.figureAlt[i]));
        }
        QPDFWriter w(out);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.setObjectStreamMode(qpdf_o_generate);
        w.setCompressStreams(true);
        w.write();
        std::shared_ptr<Buffer> b = w.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
    } catch (const GenochronError&) {
        throw;
    } catch (const std::exception& e) {
        throw GenochronError(fmt::format("the pack's PDF could not be finished: {}", e.what()));
    }
}

}  // namespace genochron
