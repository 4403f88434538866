#include "core/io/yaml_doc.hpp"

#include <fmt/format.h>
#include <map>
#include <memory>
#include <yaml.h>

namespace genochron::yaml {

namespace {

struct ParserDeleter {
    void operator()(yaml_parser_t* p) const {
        yaml_parser_delete(p);
        delete p;
    }
};

Mark markOf(const yaml_mark_t& m) { return {int(m.line), int(m.column)}; }

std::size_t countNodes(const Node& n) {
    std::size_t c = 1;
    for (auto& i : n.items()) c += countNodes(i);
    for (auto& [k, v] : n.entries()) c += countNodes(k) + countNodes(v);
    return c;
}

bool isNullScalar(const yaml_event_t& e) {
    if (e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

}  // namespace

std::optional<Node> parse(std::string_view text, const ParseLimits& limits, ParseError& err, MoreDocuments* more) {
    std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
    if (!yaml_parser_initialize(parser.get())) {
        err = {{}, "cannot start the YAML parser (out of memory?)"};
        return std::nullopt;
    }
    yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());

    // Containers under construction; a map collects key then value.
    struct Frame {
        Node node;
        std::optional<Node> pendingKey;
        std::string anchor;
    };
    std::vector<Frame> stack;
    std::map<std::string, Node> anchors;
    std::optional<Node> root;
    std::size_t nodes = 0;

    auto attach = [&](Node n) -> bool {
        if (stack.empty()) {
            if (!root) root = std::move(n);
            return true;
        }
        Frame& top = stack.back();
        if (top.node.IsSequence()) {
            top.node.push(std::move(n));
        } else if (!top.pendingKey) {
            top.pendingKey = std::move(n);
        } else {
            top.node.put(std::move(*top.pendingKey), std::move(n));
            top.pendingKey.reset();
        }
        return true;
    };

    bool done = false;
    while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(parser.get(), &ev)) {
            const auto& p = *parser;
            std::string msg = p.problem ? p.problem : "malformed YAML";
            if (p.context) msg = fmt::format("{} {}", msg, p.context);
            err = {markOf(p.problem_mark), msg};
            return std::nullopt;
        }
        std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> guard(&ev, yaml_event_delete);
        Mark at = markOf(ev.start_mark);
        if (++nodes > limits.maxNodes) {
            err = {at, fmt::format("the document has more than {} nodes", limits.maxNodes)};
            return std::nullopt;
        }
        auto anchorOf = [](const yaml_char_t* a) { return a ? std::string(reinterpret_cast<const char*>(a)) : std::string(); };
        switch (ev.type) {
        case YAML_SCALAR_EVENT: {
            Node n = isNullScalar(ev) ? Node::null(at)
                                      : Node::scalar(std::string(reinterpret_cast<const char*>(ev.data.scalar.value),
                                                                 ev.data.scalar.length),
                                                     ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE, at);
            if (auto a = anchorOf(ev.data.scalar.anchor); !a.empty()) anchors[a] = n;
            attach(std::move(n));
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (int(stack.size()) >= limits.maxDepth) {
                err = {at, fmt::format("nesting is deeper than {} levels; a case file nests about 5 deep", limits.maxDepth)};
                return std::nullopt;
            }
            stack.push_back({ev.type == YAML_SEQUENCE_START_EVENT ? Node::sequence(at) : Node::map(at), std::nullopt,
                             anchorOf(ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.anchor
                                                                           : ev.data.mapping_start.anchor)});
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            Frame f = std::move(stack.back());
            stack.pop_back();
            if (!f.anchor.empty()) anchors[f.anchor] = f.node;
            attach(std::move(f.node));
            break;
        }
        case YAML_ALIAS_EVENT: {
            std::string a = anchorOf(ev.data.alias.anchor);
            auto it = anchors.find(a);
            if (it == anchors.end()) {
                err = {at, fmt::format("alias *{} has no anchor &{} before it", a, a)};
                return std::nullopt;
            }
            nodes += countNodes(it->second);
            if (nodes > limits.maxNodes) {
                err = {at, fmt::format("aliases expand to more than {} nodes", limits.maxNodes)};
                return std::nullopt;
            }
            attach(it->second);
            break;
        }
        case YAML_DOCUMENT_END_EVENT:
            done = true;   // the first document is the case
            break;
        case YAML_STREAM_END_EVENT: done = true; break;
        default: break;
        }
    }
    // Anything after it is read only to be reported (and checked for syntax).
    MoreDocuments found;
    for (bool end = false; !end;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(parser.get(), &ev)) {
            const auto& p = *parser;
            std::string msg = p.problem ? p.problem : "malformed YAML";
            if (p.context) msg = fmt::format("{} {}", msg, p.context);
            err = {markOf(p.problem_mark), msg};
            return std::nullopt;
        }
        std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> guard(&ev, yaml_event_delete);
        if (++nodes > limits.maxNodes) {
            err = {markOf(ev.start_mark), fmt::format("the document has more than {} nodes", limits.maxNodes)};
            return std::nullopt;
        }
        switch (ev.type) {
        case YAML_STREAM_END_EVENT: end = true; break;
        case YAML_DOCUMENT_START_EVENT:
            if (!found.present) {
                found.present = true;
                found.at = markOf(ev.start_mark);
            }
            break;
        case YAML_DOCUMENT_END_EVENT: break;
        case YAML_SCALAR_EVENT:
            if (!isNullScalar(ev)) found.empty = false;
            break;
        default: found.empty = false; break;
        }
    }
    if (more) *more = found;
    if (!root) root = Node::null({0, 0});
    return root;
}

}  // namespace genochron::yaml
